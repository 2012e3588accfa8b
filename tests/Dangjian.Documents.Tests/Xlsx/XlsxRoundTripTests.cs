using System.IO.Compression;
using Dangjian.Documents.Xlsx;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Dangjian.Documents.Tests.Xlsx;

public sealed class XlsxRoundTripTests
{
    [Fact]
    public void Write_ThenRead_ReturnsHeaderAndCellsAsWritten()
    {
        string[] headers = ["姓名", "身份证号", "出生日期", "备注"];
        IReadOnlyList<string?>[] rows =
        [
            ["张三", "11010519491231002X", "1949-12-31", "  前后空格  "],
            ["李四", "110105198503140011", "1985-03-14", null],
        ];

        var read = XlsxReader.Read(XlsxWriter.Write("党员名册", headers, rows))!;

        read.Count.ShouldBe(3);
        read[0].Number.ShouldBe(1);
        read[0].Cells.ShouldBe(headers);
        read[1].Cells.ShouldBe(["张三", "11010519491231002X", "1949-12-31", "前后空格"]);
        read[2].Number.ShouldBe(3);
        read[2].Cells.ShouldBe(["李四", "110105198503140011", "1985-03-14"]);
    }

    [Fact]
    public void Write_HeaderRowIsBoldAndFrozen()
    {
        var bytes = XlsxWriter.Write("党员名册", ["姓名"], [["张三"]]);
        using var document = SpreadsheetDocument.Open(new MemoryStream(bytes), false);
        var sheet = document.WorkbookPart!.WorksheetParts.Single().Worksheet;

        sheet.Descendants<Pane>().Single().State!.Value.ShouldBe(PaneStateValues.Frozen);
        var headerStyle = sheet.Descendants<Cell>().First().StyleIndex!.Value;
        var format = document.WorkbookPart.WorkbookStylesPart!.Stylesheet.CellFormats!.Elements<CellFormat>().ElementAt((int)headerStyle);
        document.WorkbookPart.WorkbookStylesPart.Stylesheet.Fonts!.Elements<Font>().ElementAt((int)format.FontId!.Value).Bold.ShouldNotBeNull();
    }

    [Fact]
    public void Read_DateTypedInExcel_BecomesIsoDate_SharedStringsAndNumbersAsText()
    {
        var bytes = Build(sheetData =>
        {
            sheetData.Append(new Row(
                new Cell { CellReference = "A1", DataType = CellValues.SharedString, CellValue = new CellValue("0") },
                new Cell { CellReference = "C1", CellValue = new CellValue("33312"), StyleIndex = 1 }, // 1991-03-15 in date format 14
                new Cell { CellReference = "D1", CellValue = new CellValue("13812345678") },
                new Cell { CellReference = "E1", CellValue = new CellValue("45000.5"), StyleIndex = 2 }, // custom yyyy"年"m"月"d"日"
                new Cell { CellReference = "F1", CellValue = new CellValue("3.25") })
            { RowIndex = 2 });
        });

        var row = XlsxReader.Read(bytes)!.Single();

        row.Number.ShouldBe(2);
        row.Cells.ShouldBe(["共享字符串", "", "1991-03-15", "13812345678", "2023-03-15", "3.25"]);
    }

    [Fact]
    public void LooksLikeXlsx_ChecksContentNotName()
    {
        XlsxReader.LooksLikeXlsx("姓名,性别"u8.ToArray()).ShouldBeFalse();
        XlsxReader.Read("姓名,性别"u8.ToArray()).ShouldBeNull();

        using var zip = new MemoryStream();
        using (var archive = new ZipArchive(zip, ZipArchiveMode.Create, true))
        {
            archive.CreateEntry("readme.txt");
        }

        XlsxReader.LooksLikeXlsx(zip.ToArray()).ShouldBeFalse();
        XlsxReader.LooksLikeXlsx(XlsxWriter.Write("表", ["a"], [])).ShouldBeTrue();
    }

    [Fact]
    public void Read_DamagedPackageThatLooksLikeXlsx_ReturnsNull()
    {
        using var zip = new MemoryStream();
        using (var archive = new ZipArchive(zip, ZipArchiveMode.Create, true))
        {
            using (var writer = new StreamWriter(archive.CreateEntry("[Content_Types].xml").Open()))
            {
                writer.Write("<Types><not-closed>");
            }

            archive.CreateEntry("xl/workbook.xml");
        }

        XlsxReader.LooksLikeXlsx(zip.ToArray()).ShouldBeTrue();
        XlsxReader.Read(zip.ToArray()).ShouldBeNull();
    }

    [Theory]
    [InlineData(0, "A")]
    [InlineData(25, "Z")]
    [InlineData(26, "AA")]
    [InlineData(701, "ZZ")]
    public void CellReference_ColumnNames_RoundTrip(int index, string name)
    {
        CellReference.ColumnName(index).ShouldBe(name);
        CellReference.ColumnIndex(name + "12").ShouldBe(index);
    }

    private static byte[] Build(Action<SheetData> fill)
    {
        using var stream = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook))
        {
            var workbook = document.AddWorkbookPart();
            workbook.Workbook = new Workbook();
            var shared = workbook.AddNewPart<SharedStringTablePart>();
            shared.SharedStringTable = new SharedStringTable(new SharedStringItem(new Text("共享字符串")));
            var styles = workbook.AddNewPart<WorkbookStylesPart>();
            styles.Stylesheet = new Stylesheet(
                new NumberingFormats(new NumberingFormat { NumberFormatId = 176, FormatCode = "yyyy\"年\"m\"月\"d\"日\"" }) { Count = 1 },
                new Fonts(new Font()) { Count = 1 },
                new Fills(new Fill(new PatternFill { PatternType = PatternValues.None })) { Count = 1 },
                new Borders(new Border()) { Count = 1 },
                new CellFormats(new CellFormat(), new CellFormat { NumberFormatId = 14, ApplyNumberFormat = true }, new CellFormat { NumberFormatId = 176, ApplyNumberFormat = true }) { Count = 3 });
            var sheetPart = workbook.AddNewPart<WorksheetPart>();
            var data = new SheetData();
            fill(data);
            sheetPart.Worksheet = new Worksheet(data);
            workbook.Workbook.AppendChild(new Sheets(new Sheet { Id = workbook.GetIdOfPart(sheetPart), SheetId = 1, Name = "Sheet1" }));
        }

        return stream.ToArray();
    }
}
