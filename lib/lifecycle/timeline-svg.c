/* SPDX-License-Identifier: Apache-2.0 */
/*
 * The lifecycle timeline as an SVG 1.1 picture (tplc/timeline.h).  Self-
 * contained on purpose: no script, no stylesheet or font to fetch, only
 * presentation attributes, so it opens the same in a browser, a document
 * or a mail.  Every text from the store goes through xml_text: names come
 * from inventories and SBOMs nobody here controls.
 */
#include <stdio.h>
#include <string.h>

#include "lifecycle/timeline-internal.h"
#include "util/date.h"

#define X0       TPLC_TIMELINE_SVG_X0
#define CHART    TPLC_TIMELINE_SVG_CHART
#define WIDTH    TPLC_TIMELINE_SVG_WIDTH
#define TOP      60
#define ROW_H    48
#define BAND_Y   20 /* from the row's top */
#define BAND_H   18
#define LEGEND_H 40

static const struct {
	const char *fill, *cls;
} paint[TPLC_LIFECYCLE_STAGES] = {
	[TPLC_LIFECYCLE_UNKNOWN] = { "#d9d9d9", "unknown" },
	[TPLC_LIFECYCLE_DEVELOPMENT] = { "#6baed6", "development" },
	[TPLC_LIFECYCLE_SUPPORT] = { "#31a354", "support" },
	[TPLC_LIFECYCLE_LIMITED] = { "#fdae6b", "limited" },
	[TPLC_LIFECYCLE_END_OF_SUPPORT] = { "#de2d26", "eos" },
};

struct svg {
	FILE *fp;
	const struct tplc_timeline_options *opt;
	int from, to;
	long d0, d1; /* Jan 1 of the first year, of the year after the last */
	int bottom;  /* y under the last band */
};

static bool given(const char *s)
{
	return s != NULL && *s != '\0';
}

/* Length of a valid UTF-8 sequence at s that XML 1.0 allows, else 0. */
static size_t utf8_char(const unsigned char *s)
{
	unsigned char c = s[0];

	if (c < 0x80)
		return c >= 0x20 || c == '\t' || c == '\n' || c == '\r' ? 1 : 0;
	if (c >= 0xc2 && c <= 0xdf)
		return (s[1] & 0xc0) == 0x80 ? 2 : 0;
	if (c >= 0xe0 && c <= 0xef) {
		if ((s[1] & 0xc0) != 0x80 || (s[2] & 0xc0) != 0x80)
			return 0;
		if ((c == 0xe0 && s[1] < 0xa0) || (c == 0xed && s[1] > 0x9f))
			return 0; /* overlong, or a surrogate */
		if (c == 0xef && s[1] == 0xbf && s[2] >= 0xbe)
			return 0; /* U+FFFE, U+FFFF */
		return 3;
	}
	if (c >= 0xf0 && c <= 0xf4) {
		if ((s[1] & 0xc0) != 0x80 || (s[2] & 0xc0) != 0x80 ||
		    (s[3] & 0xc0) != 0x80)
			return 0;
		if ((c == 0xf0 && s[1] < 0x90) || (c == 0xf4 && s[1] > 0x8f))
			return 0;
		return 4;
	}
	return 0;
}

/* Text or attribute value, escaped; what XML cannot hold becomes '?'. */
static void xml_text(FILE *fp, const char *text)
{
	const unsigned char *s = (const unsigned char *)(text ? text : "");

	while (*s != '\0') {
		size_t n = utf8_char(s);

		switch (n == 1 ? *s : 0) {
		case '&':
			fputs("&amp;", fp);
			break;
		case '<':
			fputs("&lt;", fp);
			break;
		case '>':
			fputs("&gt;", fp);
			break;
		case '"':
			fputs("&quot;", fp);
			break;
		case '\'':
			fputs("&apos;", fp);
			break;
		default:
			if (n == 0)
				fputc('?', fp);
			else
				fwrite(s, 1, n, fp);
		}
		s += n ? n : 1;
	}
}

/* x of the start of day date, inside the chart. */
static double x_of_days(const struct svg *g, long days)
{
	if (days < g->d0)
		days = g->d0;
	if (days > g->d1)
		days = g->d1;
	return X0 +
	       (double)CHART * (double)(days - g->d0) / (double)(g->d1 - g->d0);
}

static double x_of(const struct svg *g, const char *date)
{
	return x_of_days(g, tplx_date_days(date));
}

static bool in_range(const struct svg *g, const char *date)
{
	long d;

	if (!given(date) || !tplx_date_valid(date))
		return false;
	d = tplx_date_days(date);
	return d >= g->d0 && d < g->d1;
}

static void head(struct svg *g, size_t rows)
{
	int height = TOP + (int)rows * ROW_H + LEGEND_H;

	fprintf(g->fp,
	        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
	        "<svg xmlns=\"http://www.w3.org/2000/svg\" version=\"1.1\" "
	        "width=\"%d\" height=\"%d\" viewBox=\"0 0 %d %d\" "
	        "font-family=\"sans-serif\" font-size=\"12\">\n",
	        WIDTH, height, WIDTH, height);
	fprintf(g->fp,
	        "<title>Lifecycle %d-%d as of %.10s</title>\n"
	        "<rect x=\"0\" y=\"0\" width=\"%d\" height=\"%d\" "
	        "fill=\"#ffffff\"/>\n"
	        "<text x=\"%d\" y=\"18\" font-size=\"14\" "
	        "font-weight=\"bold\">Lifecycle %d-%d as of %.10s</text>\n",
	        g->from, g->to, g->opt->as_of, WIDTH, height, X0, g->from,
	        g->to, g->opt->as_of);
}

static void grid(struct svg *g)
{
	double per_year = (double)CHART / (g->to - g->from + 1);
	int step = 1;

	while (step * per_year < 36)
		step++;
	fputs("<g class=\"grid\" stroke=\"#cccccc\">\n", g->fp);
	for (int y = g->from; y <= g->to + 1; y++)
		fprintf(g->fp,
		        "<line x1=\"%.2f\" y1=\"52\" x2=\"%.2f\" y2=\"%d\"/>\n",
		        x_of_days(g, tplx_timeline_jan1(y)),
		        x_of_days(g, tplx_timeline_jan1(y)), g->bottom);
	fputs("</g>\n<g class=\"years\" fill=\"#555555\">\n", g->fp);
	for (int y = g->from; y <= g->to; y += step)
		fprintf(g->fp, "<text x=\"%.2f\" y=\"48\">%04d</text>\n",
		        x_of_days(g, tplx_timeline_jan1(y)) + 2, y);
	fputs("</g>\n", g->fp);
}

static void span_rect(struct svg *g, const struct tplc_lifecycle_span *s, int y)
{
	long a = given(s->from) ? tplx_date_days(s->from) : g->d0;
	long b = given(s->to) ? tplx_date_days(s->to) : g->d1;
	unsigned stage = (unsigned)s->stage < TPLC_LIFECYCLE_STAGES
	                         ? (unsigned)s->stage
	                         : TPLC_LIFECYCLE_UNKNOWN;
	double x, w;

	if (b <= g->d0 || a >= g->d1 || b <= a)
		return;
	x = x_of_days(g, a);
	w = x_of_days(g, b) - x;
	fprintf(g->fp,
	        "<rect class=\"span %s\" x=\"%.2f\" y=\"%d\" width=\"%.2f\" "
	        "height=\"%d\" fill=\"%s\"><title>",
	        paint[stage].cls, x, y, w, BAND_H, paint[stage].fill);
	xml_text(g->fp, tplc_lifecycle_name((enum tplc_lifecycle)stage));
	fprintf(g->fp, ": %.10s to %.10s</title></rect>\n",
	        given(s->from) ? s->from : "(always)",
	        given(s->to) ? s->to : "(open)");
}

/* A diamond on the band at the milestone's day; its title says when and
 * how customers were told; "!" over it when that fell short of N70. */
static void marker(struct svg *g, const char *name,
                   const struct tplc_timeline_milestone *m, int y)
{
	bool late = tplx_timeline_notice_short(m),
	     passive = tplx_timeline_notice_passive(m);
	double x;

	if (!in_range(g, m->date))
		return;
	x = x_of(g, m->date);
	fprintf(g->fp, "<g class=\"milestone %s%s\"><title>%s %.10s; ", name,
	        late || passive ? " notice-flag" : "", name, m->date);
	if (given(m->announced)) {
		fputs("announced ", g->fp);
		xml_text(g->fp, m->announced);
		if (m->how != NULL) {
			fputs(" (", g->fp);
			xml_text(g->fp, m->how);
			fputc(')', g->fp);
		}
	} else {
		fputs("announcement not recorded", g->fp);
	}
	if (late)
		fprintf(g->fp, "; short notice: less than %d years ahead",
		        TPLC_NOTICE_LEAD_YEARS);
	if (passive)
		fputs("; published only, not pushed to customers", g->fp);
	fprintf(g->fp,
	        "</title><polygon points=\"%.2f,%d %.2f,%d %.2f,%d %.2f,%d\" "
	        "fill=\"#ffffff\" stroke=\"#000000\"/>",
	        x, y - 3, x + 5, y + BAND_H / 2, x, y + BAND_H + 3, x - 5,
	        y + BAND_H / 2);
	fprintf(g->fp,
	        "<text x=\"%.2f\" y=\"%d\" font-size=\"10\" "
	        "text-anchor=\"middle\">%s</text>",
	        x, y - 5, name);
	if (late || passive)
		fprintf(g->fp,
		        "<text class=\"flag\" x=\"%.2f\" y=\"%d\" "
		        "fill=\"#de2d26\" font-weight=\"bold\">!</text>",
		        x + 7, y - 4);
	fputs("</g>\n", g->fp);
}

static void band(struct svg *g, const struct tplc_timeline_row *row, int top)
{
	int y = top + BAND_Y;

	fputs("<g class=\"version\">\n", g->fp);
	fprintf(g->fp, "<text x=\"%d\" y=\"%d\">", X0, top + 12);
	xml_text(g->fp, row->label);
	if (row->devices >= 0)
		fprintf(g->fp, " (%lld device%s)", row->devices,
		        row->devices == 1 ? "" : "s");
	fputs("</text>\n", g->fp);
	for (size_t i = 0; i < row->span_count; i++)
		span_rect(g, &row->spans[i], y);
	marker(g, "EOL", &row->eol, y);
	marker(g, "EOS", &row->eos, y);
	fputs("</g>\n", g->fp);
}

static void today(struct svg *g)
{
	double x;

	if (!in_range(g, g->opt->as_of))
		return;
	x = x_of(g, g->opt->as_of);
	fprintf(g->fp,
	        "<g class=\"today\"><line x1=\"%.2f\" y1=\"24\" x2=\"%.2f\" "
	        "y2=\"%d\" stroke=\"#000000\" stroke-width=\"1.5\" "
	        "stroke-dasharray=\"4,3\"/><text x=\"%.2f\" y=\"34\" "
	        "font-size=\"11\">as of %.10s</text></g>\n",
	        x, x, g->bottom, x + 3, g->opt->as_of);
}

static void legend(struct svg *g)
{
	int y = g->bottom + 16, x = X0;

	fputs("<g class=\"legend\">\n", g->fp);
	for (int s = TPLC_LIFECYCLE_DEVELOPMENT; s < TPLC_LIFECYCLE_STAGES;
	     s++) {
		const char *name = tplc_lifecycle_name((enum tplc_lifecycle)s);

		fprintf(g->fp,
		        "<rect x=\"%d\" y=\"%d\" width=\"14\" height=\"10\" "
		        "fill=\"%s\"/><text x=\"%d\" y=\"%d\">%s</text>\n",
		        x, y, paint[s].fill, x + 18, y + 9, name);
		x += 30 + 7 * (int)strlen(name);
	}
	fprintf(g->fp,
	        "<text x=\"%d\" y=\"%d\">&#x25C7; EOL/EOS (! announced less "
	        "than %d years ahead, or only published)</text>\n</g>\n",
	        x, y + 9, TPLC_NOTICE_LEAD_YEARS);
}

int tplc_timeline_svg(FILE *fp, const struct tplc_timeline_row *rows,
                      size_t count, const struct tplc_timeline_options *opt,
                      struct tplc_error *err)
{
	struct svg g;
	int error;

	memset(&g, 0, sizeof(g));
	g.fp = fp;
	g.opt = opt;
	error = tplc_timeline_range(rows, count, opt, &g.from, &g.to, err);
	if (error < 0)
		return error;
	g.d0 = tplx_timeline_jan1(g.from);
	g.d1 = tplx_timeline_jan1(g.to + 1);
	g.bottom = TOP + (int)count * ROW_H;

	head(&g, count);
	grid(&g);
	for (size_t i = 0; i < count; i++)
		band(&g, &rows[i], TOP + (int)i * ROW_H);
	today(&g);
	legend(&g);
	fputs("</svg>\n", fp);
	if (ferror(fp))
		return tplc_error_set(err, TPLC_EIO,
		                      "writing the SVG: output error");
	return 0;
}
