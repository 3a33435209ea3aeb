using Microsoft.AspNetCore.Authorization;

namespace Backoffice.Web.Infrastructure;

/// <summary>Every endpoint and page names one of these policies; anything unnamed falls back to "signed in".</summary>
public static class Policies
{
    public const string Filings = "filings";
    public const string Staff = "staff";
    public const string Reviewer = "reviewer";
    public const string TeamLead = "team-lead";
    public const string Compliance = "compliance";
    public const string Management = "management";

    /// <summary>The dashboard: management and admins for the whole desk, team leads for the teams they lead.</summary>
    public const string Dashboard = "dashboard";
    public const string Bureau = "bureau";
    public const string Admin = "admin";
    public const string TestMode = "test-mode";
    public const string Console = "console";

    public static IServiceCollection AddBackofficePolicies(this IServiceCollection services) =>
        services.AddAuthorizationBuilder()
            .SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build())
            .AddPolicy(Filings, p => p.RequireRole(Roles.All))
            .AddPolicy(Staff, p => p.RequireRole(Roles.Staff))
            .AddPolicy(Reviewer, p => p.RequireRole(Roles.Reviewer, Roles.TeamLead, Roles.Admin))
            .AddPolicy(TeamLead, p => p.RequireRole(Roles.TeamLead, Roles.Admin))
            .AddPolicy(Compliance, p => p.RequireRole(Roles.Compliance, Roles.Admin))
            .AddPolicy(Management, p => p.RequireRole(Roles.Management, Roles.Admin))
            .AddPolicy(Dashboard, p => p.RequireRole(Roles.Management, Roles.TeamLead, Roles.Admin))
            .AddPolicy(Bureau, p => p.RequireRole(Roles.BureauLiaison, Roles.Admin))
            .AddPolicy(Admin, p => p.RequireRole(Roles.Admin))
            .AddPolicy(TestMode, p => p.RequireRole(Roles.All))
            .AddPolicy(Console, p => p.RequireRole(Roles.Console, Roles.Admin))
            .Services;
}
