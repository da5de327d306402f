using System.Globalization;

namespace Ciclo.Demo;

/// <summary>
/// campaign_events for the e-mail campaigns: sends, bounces (nothing after them), machine and
/// human opens, clicks (a few without an open), unsubscribes and complaints, plus a handful of
/// events for contacts never sent the campaign. Engagements with a lifting campaign schedule an
/// expansion for the customer within 90 days.
/// </summary>
internal static class DemoEvents
{
    private static readonly TimeSpan[] Offsets =
        [TimeSpan.FromHours(1), TimeSpan.FromHours(2), TimeSpan.FromHours(-5), TimeSpan.FromHours(4)];

    public static int Write(string path, DemoCalendar cal, List<DemoCampaign> campaigns, List<DemoCustomer> customers,
        List<DemoLead> leads, Random rng)
    {
        using var csv = new DemoCsvWriter(path, "campaign_id", "contact_id", "customer_id", "event", "occurred_at", "machine_open");
        foreach (var k in campaigns)
        {
            if (!k.IsEmail)
            {
                continue;
            }

            var recipients = DemoRecipients.For(k, customers, leads, rng);
            var engaged = new Dictionary<DemoCustomer, DateOnly>();
            foreach (var r in recipients)
            {
                var first = Contact(csv, cal, k, r, rng);
                if (first is { } day && r.Customer is { } c && !engaged.ContainsKey(c))
                {
                    engaged[c] = day;
                }
            }

            if (k.HasStrays)
            {
                Strays(csv, cal, k, recipients, customers, rng);
            }

            foreach (var (c, day) in engaged)
            {
                if (rng.Chance(k.Lift))
                {
                    c.LiftedExpansions.Add(day.AddDays(rng.Next(1, 86)));
                }
            }
        }

        return csv.Rows;
    }

    /// <summary>The events of one send; returns the day of the first human engagement, if any.</summary>
    private static DateOnly? Contact(DemoCsvWriter csv, DemoCalendar cal, DemoCampaign k, DemoRecipient r, Random rng)
    {
        var sent = r.SentAt;
        var offset = OffsetFor(r.Customer, sent, rng);
        Emit(csv, cal, k, r, "sent", sent, offset, null);
        if (rng.Chance(0.04))
        {
            Emit(csv, cal, k, r, "bounced", sent.AddSeconds(rng.Next(5, 300)), offset, null);
            return null;
        }

        var prospects = r.Customer is null;
        var last = sent;
        if (rng.Chance(prospects ? 0.2 : 0.27))
        {
            last = sent.AddSeconds(rng.Next(20, 600));
            Emit(csv, cal, k, r, "opened", last, offset, true);
        }

        DateTimeOffset? engagedAt = null;
        if (rng.Chance((prospects ? 0.2 : 0.32) * k.Appeal))
        {
            var open = Later(last, 10, rng);
            engagedAt = Emit(csv, cal, k, r, "opened", open, offset, false) ? open : null;
            if (rng.Chance(0.2))
            {
                Emit(csv, cal, k, r, "opened", Later(open, 20, rng), offset, false);
            }

            if (rng.Chance((prospects ? 0.2 : 0.3) * k.Appeal))
            {
                Emit(csv, cal, k, r, "clicked", open.AddSeconds(rng.Next(5, 900)), offset, null);
            }

            last = open;
        }
        else if (last == sent && rng.Chance(0.015))
        {
            var click = Later(sent, 8, rng);
            engagedAt = Emit(csv, cal, k, r, "clicked", click, offset, null) ? click : null;
        }

        if (rng.Chance(0.006))
        {
            Emit(csv, cal, k, r, "unsubscribed", last.AddSeconds(rng.Next(30, 3000)), offset, null);
        }
        else if (rng.Chance(0.0015))
        {
            Emit(csv, cal, k, r, "complained", Later(sent, 24, rng), offset, null);
        }

        if (rng.Chance(0.01))
        {
            Emit(csv, cal, k, r, "sent", sent.AddDays(2), offset, null); // a reminder re-send
        }

        return engagedAt is { } t ? DateOnly.FromDateTime(t.UtcDateTime) : null;
    }

    /// <summary>A time after another: exponential with the given mean in hours, within 6 days.</summary>
    private static DateTimeOffset Later(DateTimeOffset after, double meanHours, Random rng) =>
        after.AddSeconds(60 + (int)Math.Min(6 * 86400, -Math.Log(1.0 - rng.NextDouble()) * meanHours * 3600));

    private static bool Emit(DemoCsvWriter csv, DemoCalendar cal, DemoCampaign k, DemoRecipient r, string evt,
        DateTimeOffset at, TimeSpan offset, bool? machine)
    {
        if (at > cal.End)
        {
            return false;
        }

        csv.Text(k.Id).Text(r.Contact).Text(r.Customer?.Id).Text(evt).Timestamp(at, offset)
            .Text(machine is { } m ? (m ? "true" : "false") : null).EndRow();
        return true;
    }

    /// <summary>Mostly UTC; else the offset of the contact's region (or a random one for prospects).</summary>
    private static TimeSpan OffsetFor(DemoCustomer? c, DateTimeOffset at, Random rng)
    {
        if (rng.Chance(0.65))
        {
            return TimeSpan.Zero;
        }

        var summer = at.Month is >= 4 and <= 10;
        return c?.Region switch
        {
            "IT" or "DE" or "FR" => TimeSpan.FromHours(summer ? 2 : 1),
            "US" => TimeSpan.FromHours(-5),
            "AE" => TimeSpan.FromHours(4),
            "SA" => TimeSpan.FromHours(3),
            "GB" => summer ? TimeSpan.FromHours(1) : TimeSpan.Zero,
            _ => rng.Pick(Offsets),
        };
    }

    /// <summary>Events for contacts the campaign was never sent to: Ciclo must report them.</summary>
    private static void Strays(DemoCsvWriter csv, DemoCalendar cal, DemoCampaign k, List<DemoRecipient> recipients,
        List<DemoCustomer> customers, Random rng)
    {
        var send = DemoRecipients.SendTime(k.StartedOn);
        for (var i = 0; i < 3; i++)
        {
            var c = k.Audience == "customers" && customers.Count > 0 ? rng.Pick(customers) : null;
            var contact = c?.Contact(9) ?? string.Create(CultureInfo.InvariantCulture, $"forwarded{rng.Next(100, 999)}@mailbox.example");
            var r = new DemoRecipient(contact, c, send);
            if (recipients.Exists(x => x.Contact == contact))
            {
                continue;
            }

            var open = Later(send, 12, rng);
            Emit(csv, cal, k, r, "opened", open, TimeSpan.Zero, false);
            if (i == 0)
            {
                Emit(csv, cal, k, r, "clicked", open.AddSeconds(rng.Next(10, 300)), TimeSpan.Zero, null);
            }
        }
    }
}
