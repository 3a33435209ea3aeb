using System.ComponentModel.DataAnnotations;

namespace Backoffice.Web.Features.Reports;

/// <summary>Settings of the section "Reports": where the archive is reached from an e-mail, and where an order number in a workbook links.</summary>
public sealed class ArchiveOptions
{
    public const string Section = "Reports";

    /// <summary>The reports page's address as managers reach it; a subscription's e-mail links its build there.</summary>
    [Required, Url]
    public string ArchiveUrl { get; set; } = "http://127.0.0.1:5080/reports";

    /// <summary>The order page's address without the id, as managers reach it: an order number in a workbook links to <c>{OrderUrl}/{id}</c>.</summary>
    [Required, Url]
    public string OrderUrl { get; set; } = "http://127.0.0.1:5080/orders";

    public string LinkTo(Guid buildId) => $"{ArchiveUrl.TrimEnd('/')}?build={buildId}#build-{buildId}";
}
