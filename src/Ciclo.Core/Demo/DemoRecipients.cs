namespace Ciclo.Demo;

/// <summary>One send of an e-mail: the contact, its account (null for a prospect) and when it goes out.</summary>
internal readonly record struct DemoRecipient(string Contact, DemoCustomer? Customer, DateTimeOffset SentAt);

/// <summary>
/// Who each e-mail campaign is sent to, and when: a newsletter to a random share of the active
/// customers' contacts; a one-off customer e-mail to every contact of a sample of targeted
/// accounts; a one-off prospect e-mail to a sample of recent open leads (no customer_id); an
/// always-on prospect e-mail to each open lead a few days after it was created.
/// </summary>
internal static class DemoRecipients
{
    public static List<DemoRecipient> For(DemoCampaign k, List<DemoCustomer> customers, List<DemoLead> leads, Random rng)
    {
        if (k.DripDays is { } days)
        {
            return Drip(k, days, leads, rng);
        }

        var contacts = k.Audience == "customers"
            ? (k.Reach > 0 ? Newsletter(k, customers, rng) : Accounts(k, customers, rng))
            : Leads(k, leads, rng);
        var send = SendTime(k.StartedOn);
        var recipients = new List<DemoRecipient>(contacts.Count);
        foreach (var (contact, customer) in contacts)
        {
            recipients.Add(new DemoRecipient(contact, customer, send.AddSeconds(rng.Next(0, 2400))));
        }

        return recipients;
    }

    /// <summary>When a one-off campaign goes out: 08:30 UTC on its start day.</summary>
    public static DateTimeOffset SendTime(DateOnly day) => new(day.ToDateTime(new TimeOnly(8, 30)), TimeSpan.Zero);

    private static List<(string, DemoCustomer?)> Newsletter(DemoCampaign k, List<DemoCustomer> customers, Random rng)
    {
        var contacts = new List<(string, DemoCustomer?)>();
        foreach (var c in customers)
        {
            if (!c.ActiveOn(k.StartedOn))
            {
                continue;
            }

            for (var p = 1; p <= c.Contacts; p++)
            {
                if (rng.Chance(k.Reach))
                {
                    contacts.Add((c.Contact(p), c));
                }
            }
        }

        return contacts;
    }

    private static List<(string, DemoCustomer?)> Accounts(DemoCampaign k, List<DemoCustomer> customers, Random rng)
    {
        var day = k.StartedOn;
        var targeted = new List<DemoCustomer>();
        var others = new List<DemoCustomer>();
        foreach (var c in customers)
        {
            if (!c.ActiveOn(day))
            {
                continue;
            }

            var fits = k.Target switch
            {
                DemoTarget.NonEnterprise => c.Segment != DemoSegment.Enterprise,
                DemoTarget.MonthlyBilled => c.Monthly,
                DemoTarget.Members => c.MemberOn(day, k.Program),
                _ => true,
            };
            (fits ? targeted : others).Add(c);
        }

        var pool = targeted.ToArray();
        rng.Shuffle(pool);
        var chosen = pool.Take(k.Size).ToList();
        if (k.Target == DemoTarget.Members && chosen.Count < k.Size / 2)
        {
            var fill = others.Where(c => c.Segment != DemoSegment.Smb).ToArray();
            rng.Shuffle(fill);
            chosen.AddRange(fill.Take((k.Size / 2) - chosen.Count));
        }

        var contacts = new List<(string, DemoCustomer?)>();
        foreach (var c in chosen.OrderBy(c => c.Number))
        {
            for (var p = 1; p <= c.Contacts; p++)
            {
                contacts.Add((c.Contact(p), c));
            }
        }

        return contacts;
    }

    private static List<(string, DemoCustomer?)> Leads(DemoCampaign k, List<DemoLead> leads, Random rng)
    {
        var pool = leads.Where(l => l.OpenOn(k.StartedOn) && l.CreatedOn.DayNumber > k.StartedOn.DayNumber - 240).ToArray();
        rng.Shuffle(pool);
        return pool.Take(k.Size).Select(l => (l.Contact, (DemoCustomer?)null)).ToList();
    }

    /// <summary>Each lead still open then, 0-2 days after the delay, in the working day; about one in
    /// ten never gets it (no consent, or an address the automation skipped).</summary>
    private static List<DemoRecipient> Drip(DemoCampaign k, int days, List<DemoLead> leads, Random rng)
    {
        var recipients = new List<DemoRecipient>();
        foreach (var lead in leads)
        {
            var day = lead.CreatedOn.AddDays(days + rng.Next(0, 3));
            var skipped = rng.Chance(0.1);
            if (skipped || day < k.StartedOn || day > k.EndsOn || !lead.OpenOn(day))
            {
                continue;
            }

            var at = new DateTimeOffset(day.ToDateTime(new TimeOnly(7, 0)), TimeSpan.Zero).AddSeconds(rng.Next(0, 9 * 3600));
            recipients.Add(new DemoRecipient(lead.Contact, null, at));
        }

        return recipients;
    }
}
