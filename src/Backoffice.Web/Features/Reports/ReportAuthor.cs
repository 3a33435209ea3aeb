using Dapper;
using Npgsql;

namespace Backoffice.Web.Features.Reports;

/// <summary>Who a workbook's cover says generated it: the person's display name with the account in brackets, as on every workbook.</summary>
public static class ReportAuthor
{
    public static async Task<string> NameAsync(NpgsqlConnection connection, string user, CancellationToken ct)
    {
        var displayName = await connection.QuerySingleOrDefaultAsync<string>(new CommandDefinition(
            "select display_name from users where username = @user", new { user }, cancellationToken: ct));
        return displayName is null || displayName == user ? user : $"{displayName}（{user}）";
    }
}
