using Backoffice.Web.Features.Filings;
using Backoffice.Workflows.Filings;

namespace Backoffice.Web.Features.Orders;

/// <summary>
/// An order sent back in after its last return: the return (number, reasons, items), the fields whose values differ
/// from the data as returned (compared in full, shown masked as the page shows personal data) and the materials
/// uploaded since. Neither is an unchanged resubmission.
/// </summary>
public sealed record Resubmission(OrderReturns.Entry Return, IReadOnlyList<Resubmission.Change> Fields, IReadOnlyList<FilingReads.MaterialEntry> Materials)
{
    public sealed record Change(string Path, string? Old, string? New);

    public bool Unchanged => Fields.Count == 0 && Materials.Count == 0;

    /// <summary>Null unless the order was returned and has been reviewed again since.</summary>
    public static Resubmission? Of(OrderDetails details)
    {
        var last = details.ReviewReturns.LastOrDefault();
        if (last?.BodyAsReturned is not { } returned || !details.Tasks.Any(t => t.CreatedAt > last.At))
        {
            return null;
        }

        var (before, now) = (OrderFields.Of(returned), OrderFields.Of(details.Order.Body));
        var (beforeShown, nowShown) = (OrderFields.MaskedOf(returned), OrderFields.MaskedOf(details.Order.Body));
        var fields = before.Keys.Union(now.Keys)
            .Where(path => before.GetValueOrDefault(path) != now.GetValueOrDefault(path))
            .Select(path => new Change(path, beforeShown.GetValueOrDefault(path), nowShown.GetValueOrDefault(path)))
            .ToList();
        return new Resubmission(last, fields, details.Materials.Where(m => m.UploadedAt > last.At).ToList());
    }
}
