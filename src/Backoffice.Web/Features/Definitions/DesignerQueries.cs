using Dapper;
using Npgsql;

namespace Backoffice.Web.Features.Definitions;

/// <summary>Small lookups the designer's endpoints share.</summary>
internal static class DesignerQueries
{
    public static Task<bool> DefinitionExistsAsync(NpgsqlConnection connection, string id, CancellationToken ct) =>
        connection.ExecuteScalarAsync<bool>(new CommandDefinition(
            "select exists (select 1 from workflow_definitions where id = @id)", new { id }, cancellationToken: ct));
}
