"""Exports: each format is a pure function of an AnnotationSet and the article body."""
