using System.Globalization;
using System.Text.Json;
using Quartz.Serialization.SystemTextJson.Calendars;

namespace Backoffice.Workflows.Scheduling;

/// <summary>Stores the working-day calendar in Quartz's job store as two lists of ISO dates.</summary>
public sealed class WorkingDayCalendarSerializer : CalendarSerializer<WorkingDayQuartzCalendar>
{
    public override string CalendarTypeName => "BackofficeWorkingDays";

    protected override WorkingDayQuartzCalendar Create(JsonElement jsonElement, JsonSerializerOptions options) => new();

    protected override void SerializeFields(Utf8JsonWriter writer, WorkingDayQuartzCalendar calendar, JsonSerializerOptions options)
    {
        Write(writer, "holidays", calendar.Holidays);
        Write(writer, "workdays", calendar.Workdays);
    }

    protected override void DeserializeFields(WorkingDayQuartzCalendar calendar, JsonElement jsonElement, JsonSerializerOptions options)
    {
        calendar.Holidays.UnionWith(Read(jsonElement, "holidays"));
        calendar.Workdays.UnionWith(Read(jsonElement, "workdays"));
    }

    private static void Write(Utf8JsonWriter writer, string name, IEnumerable<DateOnly> days)
    {
        writer.WriteStartArray(name);
        foreach (var day in days.Order())
        {
            writer.WriteStringValue(day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        }

        writer.WriteEndArray();
    }

    private static IEnumerable<DateOnly> Read(JsonElement element, string name) =>
        element.TryGetProperty(name, out var days)
            ? days.EnumerateArray().Select(d => DateOnly.ParseExact(d.GetString()!, "yyyy-MM-dd", CultureInfo.InvariantCulture))
            : [];
}
