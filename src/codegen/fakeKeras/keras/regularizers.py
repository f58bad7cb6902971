class L1L2:
    def __init__(self, l1=0.0, l2=0.0):
        assert l1 >= 0 and l2 >= 0 and (l1 > 0 or l2 > 0)
