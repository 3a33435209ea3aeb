using System.ComponentModel.DataAnnotations;

namespace Backoffice.Reports;

/// <summary>
/// Management's targets, set in configuration (section <c>Reports:Targets</c>): the share of stages done
/// within their SLA and the bureau's approval rate. The workbooks draw them beside the figures.
/// </summary>
public sealed class ReportTargets
{
    public const string Section = "Reports:Targets";

    /// <summary>The share of review and bureau stages done within their deadline (0.9 = 90%).</summary>
    [Range(0.01, 1)]
    public double SlaShare { get; set; } = 0.9;

    /// <summary>Approved ÷ decided bureau submissions.</summary>
    [Range(0.01, 1)]
    public double ApprovalRate { get; set; } = 0.85;

    /// <summary>How far below its target a figure is amber rather than red (0.05: 85%–90% is amber against 90%).</summary>
    [Range(0, 0.5)]
    public double AmberMargin { get; set; } = 0.05;
}
