from enum import StrEnum


class ReportStatus(StrEnum):
    FAIL = "FAIL"
    RUNNING = "RUNNING"
    SUCCESS = "SUCCESS"

    def __str__(self) -> str:
        return str(self.value)
