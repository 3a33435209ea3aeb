namespace Backoffice.Web.Infrastructure;

/// <summary>The roles of docs/PRODUCT.md; staff roles sign in, the console is a machine client with an API key.</summary>
public static class Roles
{
    public const string Admin = "admin";
    public const string Compliance = "compliance";
    public const string Reviewer = "reviewer";
    public const string TeamLead = "team-lead";
    public const string BureauLiaison = "bureau-liaison";
    public const string Management = "management";
    public const string Console = "console";

    public static readonly string[] Staff = [Admin, Compliance, Reviewer, TeamLead, BureauLiaison, Management];

    public static readonly string[] All = [.. Staff, Console];
}
