namespace Backoffice.Workflows.Filings;

/// <summary>The public statuses of docs/API.md with their labels.</summary>
public static class FilingStatus
{
    public const string Draft = "draft";
    public const string Submitted = "submitted";
    public const string InitialReview = "initial-review";
    public const string Returned = "returned";
    public const string Verification = "verification";
    public const string SecondReview = "second-review";
    public const string AtBureau = "at-bureau";
    public const string SmsVerification = "sms-verification";
    public const string BureauReview = "bureau-review";
    public const string Approved = "approved";
    public const string BureauRejected = "bureau-rejected";
    public const string Withdrawn = "withdrawn";
    public const string Expired = "expired";

    public static readonly IReadOnlyDictionary<string, (string Zh, string En)> Labels =
        new Dictionary<string, (string, string)>
        {
            [Draft] = ("草稿", "Draft"),
            [Submitted] = ("已提交", "Submitted"),
            [InitialReview] = ("初审中", "Initial review"),
            [Returned] = ("已退回", "Returned"),
            [Verification] = ("核验中", "Verification"),
            [SecondReview] = ("复审中", "Second review"),
            [AtBureau] = ("已提交管局", "At the bureau"),
            [SmsVerification] = ("待短信核验", "SMS verification"),
            [BureauReview] = ("管局审核中", "Bureau review"),
            [Approved] = ("备案成功", "Approved"),
            [BureauRejected] = ("管局退回", "Rejected by the bureau"),
            [Withdrawn] = ("已放弃", "Withdrawn"),
            [Expired] = ("已失效", "Expired"),
        };

    /// <summary>Statuses in which the order is finished: nothing more happens to it.</summary>
    public static readonly IReadOnlySet<string> Terminal = new HashSet<string> { Approved, Withdrawn, Expired };

    /// <summary>Statuses from which the applicant can no longer withdraw: the bureau has the order.</summary>
    public static readonly IReadOnlySet<string> AtBureauOrLater = new HashSet<string>
    {
        AtBureau, SmsVerification, BureauReview, Approved,
    };

    /// <summary>Statuses in which the applicant may edit and (re)submit the order.</summary>
    public static readonly IReadOnlySet<string> Editable = new HashSet<string> { Draft, Returned, BureauRejected };

    public static bool IsKnown(string? status) => status is not null && Labels.ContainsKey(status);
}
