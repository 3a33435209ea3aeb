using Backoffice.Workflows.Labels;
using ClosedXML.Excel;

namespace Backoffice.Web.Features.Bureau;

/// <summary>
/// The results sheet to fill in, as <see cref="BureauResultFile"/> reads it: on the first sheet the Chinese headers
/// 订单号, 结果, 退回原因代码 and one example row; column B offers the results by their Chinese labels from a drop-down
/// list (data validation against the second sheet, which also lists the return reasons' codes with their labels).
/// </summary>
public static class BureauResultTemplate
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public const string FileName = "管局结果表模板.xlsx";

    public const string ExampleOrderNumber = "BO20260101000001";

    public static byte[] Build(IReadOnlyList<(string Code, string Label)> reasons)
    {
        using var workbook = new XLWorkbook();
        var sheet = workbook.Worksheets.Add("管局结果");
        var options = workbook.Worksheets.Add("填写说明");
        var results = LabelCatalogue.Entries(LabelSet.BureauEvent).Select(e => e.Value.Zh).ToList();

        options.Cell(1, 1).Value = "结果（B 列可选值）";
        options.Cell(1, 3).Value = "退回原因代码（C 列，多个用逗号分隔）";
        options.Cell(1, 4).Value = "退回原因";
        for (var i = 0; i < results.Count; i++)
        {
            options.Cell(i + 2, 1).Value = results[i];
        }

        for (var i = 0; i < reasons.Count; i++)
        {
            options.Cell(i + 2, 3).Value = reasons[i].Code;
            options.Cell(i + 2, 4).Value = reasons[i].Label;
        }

        options.Row(1).Style.Font.Bold = true;
        options.Column(1).Width = 24;
        options.Column(3).Width = 36;
        options.Column(4).Width = 30;

        sheet.Cell(1, 1).Value = "订单号";
        sheet.Cell(1, 2).Value = "结果";
        sheet.Cell(1, 3).Value = "退回原因代码（管局退回时必填，多个用逗号分隔）";
        sheet.Row(1).Style.Font.Bold = true;
        sheet.Cell(2, 1).Value = ExampleOrderNumber;
        sheet.Cell(2, 2).Value = LabelCatalogue.Of(LabelSet.BureauEvent, "rejected", english: false);
        sheet.Cell(2, 3).Value = reasons.Count > 0 ? reasons[0].Code : "";
        sheet.Cell(2, 4).Value = "← 示例行：填写时请改为实际结果";
        sheet.Cell(2, 4).Style.Font.FontColor = XLColor.Gray;

        var validation = sheet.Range(2, 2, BureauResultBatch.MaxRows + 1, 2).SetDataValidation();
        validation.List(options.Range(2, 1, results.Count + 1, 1), true);
        validation.ErrorTitle = "结果";
        validation.ErrorMessage = "请从列表中选择结果：" + string.Join("、", results);
        sheet.Column(1).Width = 22;
        sheet.Column(2).Width = 18;
        sheet.Column(3).Width = 46;
        sheet.SheetView.FreezeRows(1);

        using var stream = new MemoryStream();
        workbook.SaveAs(stream);
        return stream.ToArray();
    }
}
