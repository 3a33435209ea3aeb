using System.Text.Json.Nodes;
using Backoffice.Workflows.Scheduling;

namespace Backoffice.Workflows.Definitions;

/// <summary>An SLA, deadline or delay: an amount in working days/hours (on the calendar) or calendar days/hours.</summary>
public sealed record Duration(double Amount, string Unit)
{
    public static bool TryRead(JsonNode? node, out Duration duration)
    {
        duration = new Duration(0, "");
        if (node is not JsonObject o || o["amount"] is not JsonValue amount || amount.GetValueKind() != System.Text.Json.JsonValueKind.Number
            || !double.TryParse(amount.ToJsonString(), System.Globalization.CultureInfo.InvariantCulture, out var value)
            || o["unit"] is not JsonValue unit || !unit.TryGetValue<string>(out var u)
            || value <= 0 || value > 3650 || !ActivityTypes.DurationUnits.Contains(u))
        {
            return false;
        }

        duration = new Duration(value, u);
        return true;
    }

    public DateTimeOffset After(DateTimeOffset start, WorkingCalendar calendar) => Unit switch
    {
        "working-days" => calendar.AddWorkingDays(start, (int)Math.Ceiling(Amount)),
        "working-hours" => calendar.AddWorkingHours(start, Amount),
        "days" => start.AddDays(Amount),
        _ => start.AddHours(Amount),
    };
}
