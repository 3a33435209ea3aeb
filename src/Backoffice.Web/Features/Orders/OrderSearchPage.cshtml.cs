using Backoffice.Web.Infrastructure;
using Backoffice.Workflows.Filings;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Backoffice.Workflows.Database;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Backoffice.Web.Features.Orders;

/// <summary>/orders: order search for staff, over the orders they see (<see cref="OrderVisibility"/>), read from the replica when one is set.</summary>
[Authorize(Policy = Policies.Staff)]
public sealed class OrderSearchPageModel(ReadReplica replica) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    [BindProperty(SupportsGet = true)] public string? Status { get; set; }
    [BindProperty(SupportsGet = true)] public string? FilingType { get; set; }
    [BindProperty(SupportsGet = true)] public string? Province { get; set; }
    [BindProperty(SupportsGet = true, Name = "p")] public int PageNumber { get; set; } = 1;

    public OrderSearch.Filter Filter { get; private set; } = null!;
    public IReadOnlyList<OrderSearch.Row> Rows { get; private set; } = [];
    public bool More { get; private set; }
    public Dictionary<string, string> Errors { get; } = [];

    public async Task OnGetAsync()
    {
        var text = Q?.Trim();
        if (text is { Length: > OrderSearch.MaxTextLength })
        {
            Errors["q"] = HttpContext.T("搜索内容不能超过 100 个字符。", "Search text must be at most 100 characters.");
            text = null;
        }

        Filter = new OrderSearch.Filter(
            string.IsNullOrEmpty(text) ? null : text,
            Known("status", Status, FilingStatus.IsKnown),
            Known("filingType", FilingType, Workflows.Filings.FilingType.IsKnown),
            Known("province", Province, Provinces.IsKnown),
            PageNumber is >= 1 and <= 10_000 ? PageNumber : 1);
        if (FilterText.MatchesNothing(Filter.Text))
        {
            return;
        }

        await using var connection = await replica.OpenConnectionAsync(HttpContext.RequestAborted);
        var visibility = await OrderVisibility.ForAsync(User, connection, HttpContext.RequestAborted);
        (Rows, More) = await OrderSearch.RunAsync(connection, visibility, Filter, HttpContext.RequestAborted);
    }

    public string Link(int page) => Microsoft.AspNetCore.WebUtilities.QueryHelpers.AddQueryString("/orders", new Dictionary<string, string?>
    {
        ["q"] = Filter.Text, ["status"] = Filter.Status, ["filingType"] = Filter.FilingType, ["province"] = Filter.Province,
        ["p"] = page.ToString(System.Globalization.CultureInfo.InvariantCulture),
    }.Where(p => p.Value is not null));

    private string? Known(string field, string? value, Func<string, bool> known)
    {
        if (string.IsNullOrEmpty(value))
        {
            return null;
        }

        if (known(value))
        {
            return value;
        }

        Errors[field] = HttpContext.T("取值无效，已忽略。", "Unknown value, ignored.");
        return null;
    }
}
