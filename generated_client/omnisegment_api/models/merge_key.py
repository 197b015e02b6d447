from enum import StrEnum


class MergeKey(StrEnum):
    EMAIL = "email"
    LINE_ID = "line_id"
    MEMBER_SN = "member_sn"
    MESSENGER_PSID = "messenger_psid"
    PHONE = "phone"
    SOURCE_ID = "source_id"

    def __str__(self) -> str:
        return str(self.value)
