class EarlyStopping:
    def __init__(self, monitor="val_loss", patience=0):
        assert patience >= 1
        self.monitor, self.patience = monitor, patience
