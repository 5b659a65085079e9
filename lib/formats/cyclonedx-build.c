/* SPDX-License-Identifier: Apache-2.0 */
/* CycloneDX values into struct tplc_sbom, whatever the serialisation. */
#include <string.h>

#include "formats/cyclonedx-build.h"
#include "tplc/sbom.h"
#include "util/str.h"

static bool is_space(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

int tplc_cdx_build_str(struct tplc_cdx_build *x, const char **dst,
                       const char *s)
{
	size_t len;

	if (s == NULL || !x->trim)
		return tplc_sbom_build_str(&x->b, dst, s);
	while (is_space(*s))
		s++;
	len = strlen(s);
	while (len > 0 && is_space(s[len - 1]))
		len--;
	return tplc_sbom_build_strn(&x->b, dst, s, len);
}

int tplc_cdx_build_open(struct tplc_cdx_build *x)
{
	size_t index;
	int error;

	if (x->depth == CDX_NESTING_MAX)
		return TPLC_ELIMIT;
	error = tplc_sbom_build_component(&x->b, &index);
	if (error == 0)
		x->open[x->depth++] = index;
	return error;
}

int tplc_cdx_build_fields(struct tplc_cdx_build *x, struct tplc_component *c,
                          const struct tplc_cdx_fields *f)
{
	const struct {
		const char **dst;
		const char *src;
	} copies[] = {
		{ &c->ref, f->ref },           { &c->type, f->type },
		{ &c->supplier, f->supplier }, { &c->group, f->group },
		{ &c->name, f->name },         { &c->version, f->version },
		{ &c->purl, f->purl },         { &c->cpe, f->cpe },
		{ &c->license, f->license },
	};
	size_t i;
	int error = 0;

	memset(c, 0, sizeof(*c));
	for (i = 0; error == 0 && i < sizeof(copies) / sizeof(*copies); i++)
		error = tplc_cdx_build_str(x, copies[i].dst, copies[i].src);
	return error;
}

int tplc_cdx_build_hashes(struct tplc_cdx_build *x, struct tplc_component *c,
                          size_t count)
{
	c->hash_count = 0;
	return tplc_sbom_build_array(&x->b, &c->hashes, count,
	                             sizeof(*c->hashes));
}

int tplc_cdx_build_hash(struct tplc_cdx_build *x, struct tplc_component *c,
                        const char *alg, const char *value)
{
	struct tplc_hash *out = &c->hashes[c->hash_count];
	char *p;
	int error = tplc_cdx_build_str(x, &out->alg, alg);

	if (error == 0)
		error = tplc_cdx_build_str(x, &out->value, value);
	if (error != 0 || out->alg == NULL || out->value == NULL)
		return error;
	for (p = (char *)out->value; *p != '\0'; p++)
		if (*p >= 'A' && *p <= 'F')
			*p = (char)(*p - 'A' + 'a');
	c->hash_count++;
	return 0;
}

int tplc_cdx_build_support(struct tplc_cdx_build *x, struct tplc_component *c,
                           const struct tplc_cdx_support *s)
{
	int error;

	c->support = s->level;
	error = tplc_cdx_build_str(x, &c->support_text, s->level_text);
	if (error == 0 && s->end_date_len > 0)
		error = tplc_sbom_build_strn(&x->b, &c->end_of_support,
		                             s->end_text, s->end_date_len);
	else if (error == 0)
		error = tplc_cdx_build_str(x, &c->end_of_support_text,
		                           s->end_text);
	return error;
}

void tplc_cdx_build_close(struct tplc_cdx_build *x,
                          const struct tplc_component *c)
{
	x->b.components[x->open[--x->depth]] = *c;
}

int tplc_cdx_build_subject(struct tplc_cdx_build *x,
                           const struct tplc_cdx_fields *f)
{
	struct tplc_sbom *s = x->b.sbom;
	int error = tplc_cdx_build_str(x, &s->subject_name, f->name);

	if (error == 0)
		error = tplc_cdx_build_str(x, &s->subject_version, f->version);
	if (error == 0)
		error = tplc_cdx_build_str(x, &s->subject_supplier,
		                           f->supplier);
	return error;
}

int tplc_cdx_build_metadata(struct tplc_cdx_build *x, const char *timestamp,
                            const char *author)
{
	int error = tplc_cdx_build_str(x, &x->b.sbom->created, timestamp);

	if (error == 0 && author != NULL)
		error = tplc_cdx_build_str(x, &x->b.sbom->author, author);
	return error;
}

int tplc_cdx_build_tool_author(struct tplc_cdx_build *x,
                               const char *const parts[3])
{
	char line[512];
	size_t i, used = 0;

	line[0] = '\0';
	for (i = 0; i < 3; i++) {
		size_t n;

		if (tplx_is_blank(parts[i]))
			continue;
		n = strlen(parts[i]);
		if (used + n + 2 > sizeof(line))
			break;
		if (used > 0)
			line[used++] = ' ';
		memcpy(line + used, parts[i], n + 1);
		used += n;
	}
	return tplc_cdx_build_str(x, &x->b.sbom->author, line);
}

int tplc_cdx_build_dependency(struct tplc_cdx_build *x,
                              struct tplc_dependency *d, const char *ref,
                              size_t count)
{
	int error;

	memset(d, 0, sizeof(*d));
	error = tplc_cdx_build_str(x, &d->ref, ref);
	if (error == 0 && d->ref != NULL)
		error = tplc_sbom_build_array(&x->b, &d->depends_on, count,
		                              sizeof(*d->depends_on));
	return error;
}

int tplc_cdx_build_depends_on(struct tplc_cdx_build *x,
                              struct tplc_dependency *d, const char *ref)
{
	int error;

	if (d->ref == NULL)
		return 0; /* dropped at the end anyway */
	error = tplc_cdx_build_str(x, &d->depends_on[d->count], ref);
	if (error == 0 && d->depends_on[d->count] != NULL)
		d->count++;
	return error;
}

int tplc_cdx_build_dependency_end(struct tplc_cdx_build *x,
                                  const struct tplc_dependency *d)
{
	size_t index;
	int error;

	if (d->ref == NULL)
		return 0; /* a blank ref names nothing */
	error = tplc_sbom_build_dependency(&x->b, &index);
	if (error == 0)
		x->b.dependencies[index] = *d;
	return error;
}
