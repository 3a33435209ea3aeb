using System.Data;
using Dapper;

namespace Backoffice.Workflows.Database;

/// <summary>Reads timestamptz (which Npgsql returns as a UTC DateTime) into DateTimeOffset members.</summary>
internal sealed class UtcDateTimeOffsetHandler : SqlMapper.TypeHandler<DateTimeOffset>
{
    public override DateTimeOffset Parse(object value) => value switch
    {
        DateTimeOffset offset => offset,
        DateTime time => new DateTimeOffset(DateTime.SpecifyKind(time, DateTimeKind.Utc)),
        _ => throw new DataException($"Cannot read {value.GetType()} as a point in time."),
    };

    public override void SetValue(IDbDataParameter parameter, DateTimeOffset value) => parameter.Value = value.ToUniversalTime();
}
