using Bot.Knowledge.Answering;

namespace Bot.Knowledge.LayoffData;

/// <summary>A layoffs.fyi row with the citation that points at it.</summary>
public sealed record LayoffRowResult(LayoffRow Row, DataCitation Citation);

/// <summary>A WARN notice with the citation that points at it.</summary>
public sealed record WarnNoticeResult(WarnNotice Notice, DataCitation Citation);

/// <summary>
/// Roles cut by one company in a period: the sum of its layoffs.fyi rows' head counts. Rows without a head count
/// are counted apart (<see cref="RowsWithoutCount"/>) so a reader knows the sum is a floor.
/// </summary>
public sealed record CompanyTotal(string Company, int TotalLaidOff, int RowsWithCount, int RowsWithoutCount,
    IReadOnlyList<DataCitation> Rows);

/// <summary>Head counts of one company in one calendar month (<see cref="Month"/> is the 1st).</summary>
public sealed record MonthTotal(DateOnly Month, int TotalLaidOff, int Rows);

/// <summary>WARN notices of one company in one state.</summary>
public sealed record StateWarnSummary(string State, int Notices, int EmployeesAffected);
