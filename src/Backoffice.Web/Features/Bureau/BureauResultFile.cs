using ClosedXML.Excel;

namespace Backoffice.Web.Features.Bureau;

/// <summary>
/// Reads a results spreadsheet (.xlsx): on the first sheet, a header row, then one result a row:
/// A order number, B result (code or Chinese word), C reason codes separated by commas. Blank rows
/// are skipped; a file that is not a readable workbook is refused as a whole.
/// </summary>
public static class BureauResultFile
{
    public const long MaxBytes = 5 * 1024 * 1024;

    private static readonly char[] Separators = [',', '，', ';', '；', '、', ' '];

    public static IReadOnlyList<BureauResultBatch.Row>? Read(Stream stream)
    {
        try
        {
            using var buffer = new MemoryStream();
            stream.CopyTo(buffer);
            if (!IsWorkbook(buffer))
            {
                return null;
            }

            buffer.Position = 0;
            using var workbook = new XLWorkbook(buffer);
            var sheet = workbook.Worksheets.First();
            var rows = new List<BureauResultBatch.Row>();
            foreach (var row in sheet.RowsUsed().Where(r => r.RowNumber() > 1))
            {
                var order = Text(row.Cell(1));
                var kind = Text(row.Cell(2));
                var reasons = Text(row.Cell(3));
                if (order is null && kind is null && reasons is null)
                {
                    continue;
                }

                rows.Add(new BureauResultBatch.Row(row.RowNumber(), order, kind,
                    reasons?.Split(Separators, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) ?? []));
                if (rows.Count > BureauResultBatch.MaxRows)
                {
                    break;
                }
            }

            return rows;
        }
        catch (Exception ex) when (ex is InvalidDataException or InvalidOperationException or ArgumentException or IOException
                                       or DocumentFormat.OpenXml.Packaging.OpenXmlPackageException or FormatException)
        {
            return null;
        }
    }

    /// <summary>A package with a workbook part and at least one sheet: ClosedXML fails badly on anything else.</summary>
    private static bool IsWorkbook(MemoryStream buffer)
    {
        buffer.Position = 0;
        using var document = DocumentFormat.OpenXml.Packaging.SpreadsheetDocument.Open(buffer, false);
        return document.WorkbookPart?.Workbook?.Sheets?.HasChildren == true;
    }

    private static string? Text(IXLCell cell)
    {
        var value = cell.GetFormattedString().Trim();
        return value.Length == 0 ? null : value;
    }
}
