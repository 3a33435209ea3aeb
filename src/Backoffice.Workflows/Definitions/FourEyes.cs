namespace Backoffice.Workflows.Definitions;

/// <summary>
/// Four-eyes publishing: a candidate version goes live only when someone other than its author approves it.
/// Its author is both who saved the version and who asked for its publication.
/// </summary>
public static class FourEyes
{
    public static bool MayApprove(string approver, string savedBy, string? requestedBy) => approver != savedBy && approver != requestedBy;
}
