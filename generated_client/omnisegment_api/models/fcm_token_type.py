from enum import StrEnum


class FcmTokenType(StrEnum):
    ANDROID = "android"
    IOS = "ios"

    def __str__(self) -> str:
        return str(self.value)
