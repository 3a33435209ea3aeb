using Backoffice.Web.Infrastructure;
using Backoffice.Workflows.Filings;

namespace Backoffice.Web.Features.Filings;

/// <summary>The sentences of the order endpoints' 409 answers.</summary>
public static class Messages
{
    public static string NotEditable(HttpContext context, string status) => context.IsEnglish()
        ? $"The order is {FilingStatus.Labels[status].En}; it can be changed only as a draft or when returned."
        : $"订单当前状态为“{FilingStatus.Labels[status].Zh}”，只有草稿或被退回的订单可以修改。";

    public static string NotSubmittable(HttpContext context, string status) => context.IsEnglish()
        ? $"The order is {FilingStatus.Labels[status].En}; only a draft or a returned order can be submitted."
        : $"订单当前状态为“{FilingStatus.Labels[status].Zh}”，只有草稿或被退回的订单可以提交。";

    public static string AtBureau(HttpContext context) => context.IsEnglish()
        ? "The order is already with the bureau and can no longer be withdrawn."
        : "订单已提交管局，不能再放弃。";

    public static string Finished(HttpContext context, string status) => context.IsEnglish()
        ? $"The order is already finished ({FilingStatus.Labels[status].En})."
        : $"订单已结束（{FilingStatus.Labels[status].Zh}）。";

    public static string Concurrent(HttpContext context) => context.IsEnglish()
        ? "The order was changed by someone else at the same time; reload it and try again."
        : "订单刚被他人修改，请刷新后重试。";
}
