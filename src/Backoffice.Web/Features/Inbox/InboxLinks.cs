using Microsoft.AspNetCore.WebUtilities;

namespace Backoffice.Web.Features.Inbox;

/// <summary>An inbox address for a tab, filters, sort, columns and page: tab, sort and paging links, and saved views' settings.</summary>
public static class InboxLinks
{
    public static string Of(string tab, InboxViews.ViewFilters filters, string? sort, IReadOnlyList<string> columns, int page = 1)
    {
        var query = new List<KeyValuePair<string, string?>>
        {
            new("tab", tab), new("order", filters.OrderNumber), new("filingType", filters.FilingType), new("province", filters.Province),
            new("step", filters.Step), new("due", filters.Due), new("sort", sort == "due" ? null : sort), new("p", page == 1 ? null : page.ToString(System.Globalization.CultureInfo.InvariantCulture)),
        };
        if (columns.Count != InboxColumns.All.Count)
        {
            query.AddRange(columns.Select(c => new KeyValuePair<string, string?>("cols", c)));
        }

        return QueryHelpers.AddQueryString("/inbox", query.Where(q => !string.IsNullOrEmpty(q.Value)));
    }
}
