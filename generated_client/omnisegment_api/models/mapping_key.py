from enum import StrEnum


class MappingKey(StrEnum):
    EMAIL = "email"
    LINE_ID = "line_id"
    MEMBER_SN = "member_sn"
    PHONE = "phone"

    def __str__(self) -> str:
        return str(self.value)
