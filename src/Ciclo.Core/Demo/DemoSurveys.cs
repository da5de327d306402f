using System.Globalization;

namespace Ciclo.Demo;

/// <summary>
/// NPS responses: about 15 % of active customers answer each half-year; Enterprise and members
/// score higher, customers about to churn lower; half leave a comment in their language.
/// </summary>
internal static class DemoSurveys
{
    private static readonly double[] DetractorWeights = [1, 1, 2, 3, 5, 8, 12];

    private readonly record struct Response(DateOnly AnsweredOn, DemoCustomer Customer, int Contact);

    public static int Write(string path, DemoCalendar cal, List<DemoCustomer> customers, Random rng)
    {
        var responses = new List<Response>();
        for (var half = cal.WindowStart; half <= cal.Today; half = half.AddMonths(6))
        {
            var halfEnd = DemoCalendar.Min(half.AddMonths(6).AddDays(-1), cal.Today);
            foreach (var c in customers)
            {
                var from = DemoCalendar.Max(half, c.AcquiredOn.AddDays(14));
                var to = DemoCalendar.Min(halfEnd, c.LastActiveDay(cal.Today));
                if (from <= to && rng.Chance(0.15))
                {
                    responses.Add(new Response(rng.Day(from, to), c, rng.Next(1, c.Contacts + 1)));
                }
            }
        }

        responses.Sort((a, b) => a.AnsweredOn != b.AnsweredOn ? a.AnsweredOn.CompareTo(b.AnsweredOn) : a.Customer.Number.CompareTo(b.Customer.Number));
        using var csv = new DemoCsvWriter(path, "response_id", "customer_id", "respondent_id", "answered_on", "score", "comment", "language");
        var n = 0;
        foreach (var r in responses)
        {
            var (score, sentiment) = Score(r.Customer, r.AnsweredOn, rng);
            string? comment = null;
            string? language = null;
            if (rng.Chance(0.5))
            {
                language = Language(r.Customer.Region, rng);
                comment = DemoText.Comment(language, sentiment, rng);
            }

            csv.Text("S" + (++n).ToString("D5", CultureInfo.InvariantCulture)).Text(r.Customer.Id)
                .Text(r.Customer.Contact(r.Contact)).Date(r.AnsweredOn).Integer(score).Text(comment).Text(language).EndRow();
        }

        return csv.Rows;
    }

    private static (int Score, int Sentiment) Score(DemoCustomer c, DateOnly day, Random rng)
    {
        var (promoters, detractors) = c.Segment switch
        {
            DemoSegment.Smb => (0.45, 0.22),
            DemoSegment.MidMarket => (0.48, 0.2),
            _ => (0.55, 0.15),
        };
        if (c.MemberOn(day))
        {
            (promoters, detractors) = (promoters + 0.06, detractors - 0.04);
        }

        if (c.ChurnedOn is { } churned && churned.DayNumber - day.DayNumber <= 180)
        {
            (promoters, detractors) = (promoters - 0.15, detractors + 0.22);
        }

        var u = rng.NextDouble();
        if (u < promoters)
        {
            return (rng.Chance(0.45) ? 9 : 10, DemoText.Positive);
        }

        return u < 1 - detractors
            ? (rng.Chance(0.45) ? 7 : 8, DemoText.Neutral)
            : (rng.Weighted(DetractorWeights), DemoText.Negative);
    }

    private static string Language(string region, Random rng) => region switch
    {
        "IT" => rng.Chance(0.8) ? "it" : "en",
        "AE" or "SA" => rng.Chance(0.65) ? "ar" : "en",
        _ => "en",
    };
}
