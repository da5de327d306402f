using System.Globalization;
using Ciclo.Demo;

namespace Ciclo.Generate;

/// <summary>
/// Generated NPS responses from active customers on seasonal days: bigger accounts
/// and score higher, customers close to churning score lower; about a quarter leave a comment in
/// their language (English, Italian or Arabic), written like the demo's.
/// </summary>
internal static class SurveyGenerator
{
    private static readonly double[] DetractorWeights = [1, 1, 2, 3, 5, 8, 12];

    public static void Write(string path, DemoCalendar cal, GeneratedCustomers c, int count, Random rng)
    {
        var responses = new List<(int Day, int Customer)>(count);
        var attempts = 0;
        while (responses.Count < count && attempts++ < count * 20)
        {
            var day = cal.SeasonalDay(rng).DayNumber;
            var customer = rng.Next(c.AcquiredBy(day));
            if (c.ActiveOn(customer, day))
            {
                responses.Add((day, customer));
            }
        }

        responses.Sort();
        using var csv = new DemoCsvWriter(path, "response_id", "customer_id", "respondent_id", "answered_on", "score", "comment", "language");
        var n = 0;
        foreach (var (day, customer) in responses)
        {
            var (promoters, detractors) = c.Segment[customer] switch
            {
                GeneratedCustomers.Smb => (0.44, 0.23),
                GeneratedCustomers.MidMarket => (0.48, 0.2),
                _ => (0.56, 0.14),
            };
            if (c.ChurnedOn[customer] != 0 && c.ChurnedOn[customer] - day < 180)
            {
                (promoters, detractors) = (promoters - 0.15, detractors + 0.22);
            }

            var u = rng.NextDouble();
            var (score, sentiment) = u < promoters ? (rng.Chance(0.45) ? 9 : 10, DemoText.Positive)
                : u < 1 - detractors ? (rng.Chance(0.45) ? 7 : 8, DemoText.Neutral)
                : (rng.Weighted(DetractorWeights), DemoText.Negative);
            string? language = null;
            string? comment = null;
            if (rng.Chance(0.25))
            {
                language = c.Region[customer] switch
                {
                    0 => rng.Chance(0.8) ? "it" : "en",
                    5 or 6 => rng.Chance(0.65) ? "ar" : "en",
                    _ => "en",
                };
                comment = DemoText.Comment(language, sentiment, rng);
            }

            var contacts = c.FirstContact[customer + 1] - c.FirstContact[customer];
            csv.Text("S" + (++n).ToString("D8", CultureInfo.InvariantCulture)).Text(GeneratedCustomers.Id(customer))
                .Text(GeneratedCustomers.Contact(customer, 1 + rng.Next(Math.Max(1, contacts)))).Date(DateOnly.FromDayNumber(day))
                .Integer(score).Text(comment).Text(language).EndRow();
        }
    }
}
