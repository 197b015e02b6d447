from enum import StrEnum


class DataSource(StrEnum):
    APP = "app"
    WEB = "web"

    def __str__(self) -> str:
        return str(self.value)
