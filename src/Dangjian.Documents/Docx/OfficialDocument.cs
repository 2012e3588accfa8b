namespace Dangjian.Documents.Docx;

/// <summary>
/// A document in the 党政机关公文 layout (GB/T 9704-2012; architecture decision 11): a title, body blocks, and the 落款
/// (issuing organization and date) at the end. Features build this model; <see cref="OfficialDocumentWriter"/> lays it out,
/// so no feature deals with fonts, margins or OpenXML.
/// </summary>
public sealed record OfficialDocument(string Title, IReadOnlyList<DocumentBlock> Blocks, string? Issuer = null, DateOnly? Date = null);

public abstract record DocumentBlock;

/// <summary>
/// The 主送机关 line (GB/T 9704 7.3.4), e.g. "中共某某委员会：": placed first after the title's blank line, flush left (居左顶格),
/// not indented like the body.
/// </summary>
public sealed record Addressee(string Text) : DocumentBlock;

/// <summary>Level-1 heading, e.g. "一、主要工作及成效" (黑体).</summary>
public sealed record Heading1(string Text) : DocumentBlock;

/// <summary>Level-2 heading, e.g. "（一）思想建设" (楷体_GB2312).</summary>
public sealed record Heading2(string Text) : DocumentBlock;

/// <summary>A body paragraph (仿宋_GB2312 三号, first line indented two characters).</summary>
public sealed record BodyParagraph(string Text) : DocumentBlock;

/// <summary>
/// A simple table (header row + rows), body font, for appendices such as a list of candidates. <paramref name="Widths"/> are the
/// columns' relative widths (e.g. [3, 2, 5]); without them every column is as wide as the others.
/// </summary>
public sealed record BodyTable(IReadOnlyList<string> Header, IReadOnlyList<IReadOnlyList<string>> Rows, IReadOnlyList<double>? Widths = null) : DocumentBlock;
