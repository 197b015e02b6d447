from enum import StrEnum


class BatchMergeKey(StrEnum):
    EMAIL = "email"
    LINE_ID = "line_id"
    MEMBER_SN = "member_sn"
    MESSENGER_PSID = "messenger_psid"
    PHONE = "phone"

    def __str__(self) -> str:
        return str(self.value)
