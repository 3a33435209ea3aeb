namespace Backoffice.Reports.Workbooks;

/// <summary>How a column's values are stored and shown in Excel.</summary>
public enum ColumnKind
{
    Text,
    Integer,
    Decimal,
    Percent,
    DateTime,
}

public sealed record Column(string Header, ColumnKind Kind = ColumnKind.Text)
{
    /// <summary>The Excel number format of the kind: readable without reformatting.</summary>
    public string? NumberFormat => Kind switch
    {
        ColumnKind.Integer => "#,##0",
        ColumnKind.Decimal => "#,##0.00",
        ColumnKind.Percent => "0.0%",
        ColumnKind.DateTime => "yyyy-mm-dd hh:mm",
        _ => null,
    };
}
