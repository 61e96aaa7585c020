package feed

import "time"

// Channel is one feed: a language's articles or its timeline updates.
type Channel struct {
	Title       string    // any text; escaped
	Description string    // plain text: RSS <description>, Atom <subtitle> (left out when empty)
	Lang        string    // BCP 47, e.g. "fa": xml:lang on the root element, RSS <language>
	Link        string    // absolute URL of the HTML page the feed belongs to (the language home)
	Self        string    // absolute URL of this feed
	ID          string    // Atom feed id; empty → Self
	Author      string    // Atom feed <author><name>; empty → Title (Atom requires an author)
	Updated     time.Time // newest item's Updated; zero → the newest item date in Items
	Generator   string    // e.g. "rokhdad"; left out when empty
	Items       []Item    // in the order to write (the caller sorts, newest first)
}

// Item is one entry of a Channel.
type Item struct {
	ID         string    // stable unique IRI: the article URL, or for a timeline update the article URL + "#update-3"; empty → Link
	Title      string    // plain text
	Link       string    // absolute URL
	Summary    string    // plain text: Atom <summary>, RSS <description>; left out when empty
	Content    string    // HTML, optional: Atom <content type="html">, RSS <content:encoded>
	Published  time.Time // zero → left out (Atom) or Updated is used (RSS pubDate)
	Updated    time.Time // zero → Published; an item needs at least one of the two
	Categories []string  // written in order; empty strings are skipped
	Lang       string    // optional xml:lang of this item when it differs from the channel's
}

// id returns the item's id, or its link when it has none.
func (it *Item) id() string {
	if it.ID != "" {
		return it.ID
	}
	return it.Link
}

// updated returns Updated, or Published when Updated is zero.
func (it *Item) updated() time.Time {
	if !it.Updated.IsZero() {
		return it.Updated
	}
	return it.Published
}

// published returns Published, or Updated when Published is zero.
func (it *Item) published() time.Time {
	if !it.Published.IsZero() {
		return it.Published
	}
	return it.Updated
}

// channelUpdated returns c.Updated, or when it is zero the newest item date, or the zero time for a
// channel without items.
func channelUpdated(c *Channel) time.Time {
	if !c.Updated.IsZero() {
		return c.Updated
	}
	var newest time.Time
	for i := range c.Items {
		if u := c.Items[i].updated(); u.After(newest) {
			newest = u
		}
	}
	return newest
}

// checkChannel validates c before anything is written.
func checkChannel(format string, c *Channel) error {
	ck := &checker{format: format}
	if c == nil {
		ck.fail("nil channel")
		return ck.err
	}
	ck.at("channel", -1, "")
	ck.lang("language", c.Lang)
	ck.absURL("link", c.Link)
	ck.absURL("self", c.Self)
	if c.ID != "" {
		ck.iri("id", c.ID)
	}
	ck.time("updated", c.Updated)
	seen := make(map[string]int, len(c.Items))
	for i := range c.Items {
		it := &c.Items[i]
		id := it.id()
		ck.at("item", i, id)
		ck.absURL("link", it.Link)
		ck.iri("id", id)
		if j, dup := seen[id]; dup {
			ck.fail("id is also the id of item %d; ids must be unique", j+1)
		}
		seen[id] = i
		if it.Lang != "" {
			ck.lang("language", it.Lang)
		}
		if it.Published.IsZero() && it.Updated.IsZero() {
			ck.fail("no date: set Published or Updated")
		}
		ck.time("published", it.Published)
		ck.time("updated", it.Updated)
		if ck.err != nil {
			break
		}
	}
	return ck.err
}
