package nym.directory.interfaces.rest;

import jakarta.ws.rs.NameBinding;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks answers any cache may keep for a few seconds ({@link ShortLivedFilter}): the directory itself reuses the
 * ledger's answers that long, so a fresher copy could not be had by asking again.
 */
@NameBinding
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface ShortLived {}
