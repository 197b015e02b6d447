from enum import StrEnum


class HitType(StrEnum):
    EVENT = "event"
    PAGEVIEW = "pageview"

    def __str__(self) -> str:
        return str(self.value)
