using Backoffice.Web.Infrastructure;
using Dapper;
using Npgsql;

namespace Backoffice.Web.Features.Filings;

/// <summary>GET /api/reason-codes: the active return reasons, labelled in the request's language.</summary>
public static class ReasonCodes
{
    public sealed record ReasonCode
    {
        public string Code { get; init; } = "";
        public string Label { get; init; } = "";
    }

    public static async Task<IResult> ListAsync(HttpContext context, NpgsqlDataSource dataSource)
    {
        await using var connection = await dataSource.OpenConnectionAsync(context.RequestAborted);
        var label = context.IsEnglish() ? "label_en" : "label_zh";
        var codes = await connection.QueryAsync<ReasonCode>(new CommandDefinition(
            $"select code, {label} as label from reason_codes where active order by sort, code", cancellationToken: context.RequestAborted));
        return Results.Ok(codes);
    }
}
