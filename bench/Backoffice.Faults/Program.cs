using System.Globalization;
using Backoffice.Faults;

// bench/faults.sh runs this: "race URL TASKS REVIEWERS" has reviewers race for the same tasks,
// "load URL ORDERS CONCURRENCY SECONDS" drives orders through their workflows against a running app
// (retrying through its restarts), "desk URL CLIENTS SECONDS [BACKGROUND]" is the mixed load of the desk with its
// latency per kind of call, "verify" reads the outcome from the database.
var mode = args.Length > 0 ? args[0] : "";
switch (mode)
{
    case "load":
        var driver = new LoadDriver(new Uri(args[1]), int.Parse(args[2], CultureInfo.InvariantCulture), int.Parse(args[3], CultureInfo.InvariantCulture));
        return await driver.RunAsync(TimeSpan.FromSeconds(int.Parse(args[4], CultureInfo.InvariantCulture)));
    case "race":
        return await new RaceDriver(new Uri(args[1]), Environment.GetEnvironmentVariable("ConnectionStrings__Backoffice")!,
            int.Parse(args[2], CultureInfo.InvariantCulture), int.Parse(args[3], CultureInfo.InvariantCulture)).RunAsync();
    case "desk":
        return await new DeskLoad(new Uri(args[1]), int.Parse(args[2], CultureInfo.InvariantCulture), TimeSpan.FromSeconds(int.Parse(args[3], CultureInfo.InvariantCulture)),
            args.Length > 4 ? int.Parse(args[4], CultureInfo.InvariantCulture) : 0).RunAsync();
    case "verify":
        return await Verification.RunAsync(Environment.GetEnvironmentVariable("ConnectionStrings__Backoffice")!);
    default:
        Console.Error.WriteLine("usage: race URL TASKS REVIEWERS | load URL ORDERS CONCURRENCY SECONDS | desk URL CLIENTS SECONDS [BACKGROUND] | verify");
        return 2;
}
