class _Optimizer:
    def __init__(self, learning_rate, clipnorm=None, momentum=None):
        assert learning_rate > 0
        assert clipnorm is None or clipnorm > 0
        self.learning_rate = learning_rate


class Adam(_Optimizer):
    pass


class RMSprop(_Optimizer):
    pass


class Adagrad(_Optimizer):
    pass


class SGD(_Optimizer):
    pass
