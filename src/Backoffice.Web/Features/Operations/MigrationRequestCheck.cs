using Backoffice.Workflows.Operations;
using Backoffice.Workflows.Validation;

namespace Backoffice.Web.Features.Operations;

/// <summary>
/// A migration request's fields: both versions given, existing, different, the target one that instances
/// can run on (published now or before); at most <see cref="MigrationsApi.MaxInstances"/> distinct
/// instances; every mapped step an activity of the source version, mapped to a named step.
/// </summary>
public static class MigrationRequestCheck
{
    private static readonly string[] Runnable = ["published", "retired"];

    public static ValidationErrors Check(MigrationsApi.MigrationRequest request, IReadOnlyDictionary<int, string> versions)
    {
        var errors = new ValidationErrors();
        Version(errors, "fromVersion", request.FromVersion, versions);
        Version(errors, "toVersion", request.ToVersion, versions);
        if (request.FromVersion is { } from && request.ToVersion == from)
        {
            errors.Add("toVersion", "migration-same-version");
        }

        if (request.DryRun is null)
        {
            errors.Add("dryRun", "required");
        }

        if (request.InstanceIds is { } ids)
        {
            if (ids.Count == 0)
            {
                errors.Add("instanceIds", "required");
            }
            else if (ids.Count > MigrationsApi.MaxInstances)
            {
                errors.Add("instanceIds", "too-many", MigrationsApi.MaxInstances);
            }
            else if (ids.Distinct().Count() != ids.Count)
            {
                errors.Add("instanceIds", "duplicate-values");
            }
        }

        foreach (var (step, target) in request.Mapping ?? [])
        {
            if (string.IsNullOrWhiteSpace(target))
            {
                errors.Add($"mapping.{step}", "required");
            }
        }

        return errors;
    }

    /// <summary>Mapped steps must be steps of the source version (a target missing from the new version blocks the instances waiting there).</summary>
    public static ValidationErrors CheckMapping(MigrationPlan plan)
    {
        var errors = new ValidationErrors();
        foreach (var from in plan.Mapping.Keys.Where(k => plan.From.Find(k) is null))
        {
            errors.Add($"mapping.{from}", "mapping-activity-unknown", plan.From.Version, from);
        }

        return errors;
    }

    private static void Version(ValidationErrors errors, string field, int? version, IReadOnlyDictionary<int, string> versions)
    {
        if (version is not { } v)
        {
            errors.Add(field, "required");
        }
        else if (!versions.TryGetValue(v, out var status))
        {
            errors.Add(field, "version-not-found", v);
        }
        else if (!Runnable.Contains(status))
        {
            errors.Add(field, "version-not-runnable", v);
        }
    }
}
