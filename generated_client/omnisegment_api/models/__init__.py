"""Contains all the data models used in inputs/outputs"""

from .audience import Audience
from .batch_import_audiences_request import BatchImportAudiencesRequest
from .batch_import_gift_vouchers_request import BatchImportGiftVouchersRequest
from .batch_import_purchases_request import BatchImportPurchasesRequest
from .batch_merge_key import BatchMergeKey
from .channel_subscription import ChannelSubscription
from .channel_usage import ChannelUsage
from .create_audience_mapping_request import CreateAudienceMappingRequest
from .create_interaction_report_request import CreateInteractionReportRequest
from .create_interactive_audiences_report_request import (
    CreateInteractiveAudiencesReportRequest,
)
from .create_tracking_event_report_request import CreateTrackingEventReportRequest
from .custom_field_item import CustomFieldItem
from .custom_fields_identifier_field import CustomFieldsIdentifierField
from .data_source import DataSource
from .error_envelope import ErrorEnvelope
from .event_registration import EventRegistration
from .event_registration_products import EventRegistrationProducts
from .fcm_token import FcmToken
from .fcm_token_type import FcmTokenType
from .gift_voucher import GiftVoucher
from .gift_voucher_custom_fields import GiftVoucherCustomFields
from .guaranteed_product import GuaranteedProduct
from .hit_type import HitType
from .identifier_field import IdentifierField
from .import_audience_request import ImportAudienceRequest
from .import_audience_response import ImportAudienceResponse
from .import_audience_result import ImportAudienceResult
from .import_event_registration_request import ImportEventRegistrationRequest
from .import_gift_vouchers_request import ImportGiftVouchersRequest
from .import_product_guarantee_request import ImportProductGuaranteeRequest
from .import_product_request import ImportProductRequest
from .import_product_response import ImportProductResponse
from .import_product_result import ImportProductResult
from .import_purchase_request import ImportPurchaseRequest
from .interactive_audiences_report import InteractiveAudiencesReport
from .interactive_audiences_report_list_response import (
    InteractiveAudiencesReportListResponse,
)
from .interpolation_map import InterpolationMap
from .mapping_key import MappingKey
from .market_report import MarketReport
from .market_report_period import MarketReportPeriod
from .market_report_response import MarketReportResponse
from .merge_key import MergeKey
from .null_payload_response import NullPayloadResponse
from .product import Product
from .product_guarantee import ProductGuarantee
from .product_id_by_system import ProductIdBySystem
from .product_ids_by_system import ProductIdsBySystem
from .product_image import ProductImage
from .purchase import Purchase
from .purchase_device import PurchaseDevice
from .purchase_voucher import PurchaseVoucher
from .report_created import ReportCreated
from .report_created_response import ReportCreatedResponse
from .report_detail import ReportDetail
from .report_detail_response import ReportDetailResponse
from .report_list_response import ReportListResponse
from .report_status import ReportStatus
from .report_summary import ReportSummary
from .sex import Sex
from .shipping_address import ShippingAddress
from .show_market_report_request import ShowMarketReportRequest
from .tag_mode import TagMode
from .track_event_request import TrackEventRequest
from .tracked_product import TrackedProduct
from .transaction_status import TransactionStatus

__all__ = (
    "Audience",
    "BatchImportAudiencesRequest",
    "BatchImportGiftVouchersRequest",
    "BatchImportPurchasesRequest",
    "BatchMergeKey",
    "ChannelSubscription",
    "ChannelUsage",
    "CreateAudienceMappingRequest",
    "CreateInteractionReportRequest",
    "CreateInteractiveAudiencesReportRequest",
    "CreateTrackingEventReportRequest",
    "CustomFieldItem",
    "CustomFieldsIdentifierField",
    "DataSource",
    "ErrorEnvelope",
    "EventRegistration",
    "EventRegistrationProducts",
    "FcmToken",
    "FcmTokenType",
    "GiftVoucher",
    "GiftVoucherCustomFields",
    "GuaranteedProduct",
    "HitType",
    "IdentifierField",
    "ImportAudienceRequest",
    "ImportAudienceResponse",
    "ImportAudienceResult",
    "ImportEventRegistrationRequest",
    "ImportGiftVouchersRequest",
    "ImportProductGuaranteeRequest",
    "ImportProductRequest",
    "ImportProductResponse",
    "ImportProductResult",
    "ImportPurchaseRequest",
    "InteractiveAudiencesReport",
    "InteractiveAudiencesReportListResponse",
    "InterpolationMap",
    "MappingKey",
    "MarketReport",
    "MarketReportPeriod",
    "MarketReportResponse",
    "MergeKey",
    "NullPayloadResponse",
    "Product",
    "ProductGuarantee",
    "ProductIdBySystem",
    "ProductIdsBySystem",
    "ProductImage",
    "Purchase",
    "PurchaseDevice",
    "PurchaseVoucher",
    "ReportCreated",
    "ReportCreatedResponse",
    "ReportDetail",
    "ReportDetailResponse",
    "ReportListResponse",
    "ReportStatus",
    "ReportSummary",
    "Sex",
    "ShippingAddress",
    "ShowMarketReportRequest",
    "TagMode",
    "TrackEventRequest",
    "TrackedProduct",
    "TransactionStatus",
)
