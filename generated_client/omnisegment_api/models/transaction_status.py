from enum import StrEnum


class TransactionStatus(StrEnum):
    CANCEL = "CANCEL"
    FAIL = "FAIL"
    PAID = "PAID"
    REFUND = "REFUND"
    SHIPPED = "SHIPPED"
    SUCCESS = "SUCCESS"

    def __str__(self) -> str:
        return str(self.value)
