from enum import StrEnum


class PurchaseDevice(StrEnum):
    ANDROID = "ANDROID"
    IPAD = "IPAD"
    IPHONE = "IPHONE"
    MOBILEWEB = "MOBILEWEB"
    PC = "PC"

    def __str__(self) -> str:
        return str(self.value)
