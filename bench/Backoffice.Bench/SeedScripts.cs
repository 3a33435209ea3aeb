namespace Backoffice.Bench;

/// <summary>The benchmarks' seed scripts, embedded in this assembly (InboxSeed.sql, ReportsSeed.sql, EngineSeed.sql).</summary>
public static class SeedScripts
{
    public static async Task<string> ReadAsync(string fileName)
    {
        await using var stream = typeof(SeedScripts).Assembly.GetManifestResourceStream("Backoffice.Bench." + fileName)
            ?? throw new InvalidOperationException($"No embedded seed script {fileName}.");
        return await new StreamReader(stream).ReadToEndAsync();
    }
}
