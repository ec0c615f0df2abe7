"""stub"""


def register(subparsers) -> None:
    pass
