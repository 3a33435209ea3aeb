using System.IO.Compression;
using Backoffice.Web.Features.Bureau;

namespace Backoffice.Web.Tests.Bureau;

public sealed class BureauResultFileTests
{
    [Fact]
    public void Bytes_that_are_not_a_workbook_are_refused_as_a_whole()
    {
        Assert.Null(BureauResultFile.Read(new MemoryStream("订单号,结果\nBO1,approved\n"u8.ToArray())));
        Assert.Null(BureauResultFile.Read(new MemoryStream(new byte[] { 0x50, 0x4B, 0x03, 0x04, 1, 2, 3 })));

        using var zip = new MemoryStream();
        using (var archive = new ZipArchive(zip, ZipArchiveMode.Create, leaveOpen: true))
        {
            using var entry = new StreamWriter(archive.CreateEntry("readme.txt").Open());
            entry.Write("not a spreadsheet");
        }

        zip.Position = 0;
        Assert.Null(BureauResultFile.Read(zip));
    }
}
