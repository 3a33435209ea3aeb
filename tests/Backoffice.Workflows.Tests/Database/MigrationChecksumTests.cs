using System.Security.Cryptography;

namespace Backoffice.Workflows.Tests.Database;

/// <summary>
/// Shipped migrations are forward-only: db/checksums.txt lists every db/*.sql file with its SHA-256
/// (the format of <c>sha256sum</c>), and a listed file may never be edited, renamed or removed.
/// </summary>
public sealed class MigrationChecksumTests
{
    private static readonly string Db = Path.Combine(RepositoryRoot(), "db");

    [Fact]
    public void Every_listed_migration_is_present_and_unchanged()
    {
        var problems = Listed()
            .Select(entry => (entry, path: Path.Combine(Db, entry.Name)))
            .Select(x => !File.Exists(x.path)
                ? $"db/{x.entry.Name} is listed in db/checksums.txt but missing: a shipped migration is never renamed or removed"
                : Sha256(x.path) != x.entry.Sha256
                    ? $"db/{x.entry.Name} differs from its checksum: a shipped migration is never edited, add a new numbered file instead"
                    : null)
            .OfType<string>()
            .ToList();

        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
    }

    [Fact]
    public void Every_migration_file_is_listed()
    {
        var listed = Listed().Select(entry => entry.Name).ToHashSet(StringComparer.Ordinal);
        var missing = Directory.EnumerateFiles(Db, "*.sql")
            .Select(path => Path.GetFileName(path))
            .Where(name => !listed.Contains(name))
            .Order(StringComparer.Ordinal)
            .Select(name => $"db/{name} is not in db/checksums.txt; once it is final, add the line: {Sha256(Path.Combine(Db, name))}  {name}")
            .ToList();

        Assert.True(missing.Count == 0, string.Join(Environment.NewLine, missing));
    }

    [Fact]
    public void Migration_numbers_are_never_used_twice()
    {
        var reused = Directory.EnumerateFiles(Db, "*.sql")
            .Select(path => Path.GetFileName(path))
            .GroupBy(name => name.Split('_')[0], StringComparer.Ordinal)
            .Where(group => group.Count() > 1)
            .Select(group => $"number {group.Key} is used by {string.Join(" and ", group)}")
            .ToList();

        Assert.True(reused.Count == 0, string.Join(Environment.NewLine, reused));
    }

    private static List<(string Name, string Sha256)> Listed() =>
        File.ReadAllLines(Path.Combine(Db, "checksums.txt"))
            .Where(line => line.Length > 0)
            .Select(line => line.Split("  ", 2))
            .Select(parts => (Name: parts[1], Sha256: parts[0]))
            .ToList();

    private static string Sha256(string path) => Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(path)));

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Backoffice.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"Backoffice.sln not found above {AppContext.BaseDirectory}.");
    }
}
