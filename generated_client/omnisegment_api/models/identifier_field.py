from enum import StrEnum


class IdentifierField(StrEnum):
    EMAIL = "email"
    LINE_ID = "line_id"
    MESSENGER_PSID = "messenger_psid"
    PHONE = "phone"

    def __str__(self) -> str:
        return str(self.value)
