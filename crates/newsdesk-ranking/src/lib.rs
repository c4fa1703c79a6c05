//! Search ranking for Newsdesk's FTS5 indexes: `newsdesk_rank`, SQLite's own BM25 with the
//! one part that does not scale, the weight of each word, supplied by the caller.
//!
//! SQLite's `bm25()` weighs each phrase of a query by how many rows of the whole index contain
//! it, and counts them anew for every query by walking the phrase's entire doclist. For a word
//! in most of a 100,000-story library that walk was most of a search (about 5 ms of CPU for
//! "the" in 50,000 wire items, before a single row was ranked), and a query of several common
//! words paid it once per word. The search ranks only the newest matches anyway, so it
//! estimates each word's weight from the newest rows of the index (`idf`) and passes the
//! weights in; over a library smaller than that sample the scores are exactly `bm25()`'s.
//!
//! Its own crate because it is FFI: rusqlite (0.43) has no safe wrapper for FTS5 auxiliary
//! functions, and the core forbids `unsafe`. Everything unsafe is in this file, behind
//! [`register`].
//!
//! ```sql
//! SELECT rowid FROM t WHERE t MATCH ?1
//! ORDER BY newsdesk_rank(t, ?2 /* idf blob */, 10.0, 4.0, 1.0 /* column weights */)
//! ```
#![allow(unsafe_code)]

use std::ffi::{CStr, c_int, c_void};
use std::panic::{AssertUnwindSafe, catch_unwind};

use rusqlite::Connection;
use rusqlite::ffi::{
    self, Fts5Context, Fts5ExtensionApi, fts5_api, sqlite3_context, sqlite3_value,
};
use rusqlite::types::ToSqlOutput;

/// The SQL name of the ranking function.
pub const FUNCTION: &str = "newsdesk_rank";

/// BM25's constants, as SQLite's `bm25()` has them.
const K1: f64 = 1.2;
const B: f64 = 0.75;

/// A phrase's weight from how many of `rows` rows contain it (`hits`), as `bm25()` computes
/// it: common words weigh little, and a word in more than half of the rows next to nothing
/// (but not nothing, so a row that has it still beats one that does not).
pub fn idf(rows: i64, hits: i64) -> f64 {
    let (rows, hits) = (rows as f64, hits.clamp(0, rows.max(0)) as f64);
    let idf = ((rows - hits + 0.5) / (hits + 0.5)).ln();
    if idf <= 0.0 { NEXT_TO_NOTHING } else { idf }
}

/// The weight of a word in more than half of the rows.
pub const NEXT_TO_NOTHING: f64 = 1e-6;

/// The phrases' weights, in the query's phrase order, as the blob `newsdesk_rank` reads.
pub fn weights_blob(idfs: &[f64]) -> Vec<u8> {
    idfs.iter().flat_map(|idf| idf.to_le_bytes()).collect()
}

/// Makes `newsdesk_rank` available on this connection.
pub fn register(conn: &Connection) -> rusqlite::Result<()> {
    let api = fts5_api(conn)?;
    let name = c"newsdesk_rank";
    debug_assert_eq!(name.to_str(), Ok(FUNCTION));
    // SAFETY: `api` came from this connection's FTS5 and lives as long as the connection; the
    // name is a static C string; `rank` matches `fts5_extension_function` and takes no user
    // data, so there is nothing to destroy.
    let rc = unsafe {
        let create = (*api).xCreateFunction.ok_or_else(missing_fts5)?;
        create(api, name.as_ptr(), std::ptr::null_mut(), Some(rank), None)
    };
    if rc == ffi::SQLITE_OK {
        Ok(())
    } else {
        Err(rusqlite::Error::SqliteFailure(
            ffi::Error::new(rc),
            Some("cannot register the search ranking with FTS5".into()),
        ))
    }
}

/// FTS5's API table: `SELECT fts5(?)` with a pointer bound as "fts5_api_ptr" writes it there.
fn fts5_api(conn: &Connection) -> rusqlite::Result<*mut fts5_api> {
    const POINTER_TYPE: &CStr = c"fts5_api_ptr";
    let api: *mut fts5_api = std::ptr::null_mut();
    let out = ToSqlOutput::Pointer((
        &api as *const *mut fts5_api as *const c_void,
        POINTER_TYPE,
        None,
    ));
    conn.query_row("SELECT fts5(?1)", [out], |_| Ok(()))?;
    if api.is_null() {
        return Err(missing_fts5());
    }
    Ok(api)
}

fn missing_fts5() -> rusqlite::Error {
    rusqlite::Error::SqliteFailure(
        ffi::Error::new(ffi::SQLITE_ERROR),
        Some("this SQLite has no FTS5".into()),
    )
}

/// The auxiliary function FTS5 calls for each row being ranked. Returns the negated score, as
/// `bm25()` does, so `ORDER BY` ascending puts the best first.
unsafe extern "C" fn rank(
    api: *const Fts5ExtensionApi,
    fts: *mut Fts5Context,
    ctx: *mut sqlite3_context,
    n_val: c_int,
    values: *mut *mut sqlite3_value,
) {
    // No panic may unwind into SQLite's C frames.
    let scored = catch_unwind(AssertUnwindSafe(|| {
        // SAFETY: FTS5 passes its API table, the cursor's context and `n_val` argument values,
        // all valid for this call.
        unsafe {
            let values = if n_val > 0 && !values.is_null() {
                std::slice::from_raw_parts(values, n_val as usize)
            } else {
                &[]
            };
            score(&*api, fts, values)
        }
    }));
    // SAFETY: `ctx` is this call's result context.
    unsafe {
        match scored {
            Ok(Ok(score)) => ffi::sqlite3_result_double(ctx, -score),
            Ok(Err(message)) => {
                ffi::sqlite3_result_error(ctx, message.as_ptr(), -1);
            }
            Err(_) => ffi::sqlite3_result_error(ctx, c"newsdesk_rank failed".as_ptr(), -1),
        }
    }
}

/// What one query's ranking reads once, kept with FTS5's cursor (its "auxdata"): the index's
/// average row length, which FTS5 reads from disk again on every call (about 5 µs, most of
/// the cost of ranking 2,000 matches), and the phrase frequencies' scratch space.
struct PerQuery {
    average_length: f64,
    frequency: Vec<f64>,
}

unsafe extern "C" fn drop_per_query(data: *mut c_void) {
    // SAFETY: only pointers made by `Box::into_raw` in `per_query` are handed to FTS5 with
    // this destructor, and FTS5 calls it once.
    drop(unsafe { Box::from_raw(data.cast::<PerQuery>()) });
}

/// This query's [`PerQuery`], made on its first row.
///
/// # Safety
/// `api` and `fts` as FTS5 passes them to an auxiliary function.
unsafe fn per_query<'q>(
    api: &Fts5ExtensionApi,
    fts: *mut Fts5Context,
    phrases: usize,
) -> Result<&'q mut PerQuery, &'static CStr> {
    let broken = c"newsdesk_rank: FTS5 refused a call";
    let (Some(get), Some(set), Some(row_count), Some(total_size)) = (
        api.xGetAuxdata,
        api.xSetAuxdata,
        api.xRowCount,
        api.xColumnTotalSize,
    ) else {
        return Err(broken);
    };
    // SAFETY: FTS5's own API on the context it passed; the auxdata pointer, when there is one,
    // is a live `PerQuery` this function made for this cursor.
    unsafe {
        let kept = get(fts, 0).cast::<PerQuery>();
        if let Some(kept) = kept.as_mut() {
            return Ok(kept);
        }
        let (mut rows, mut tokens) = (0, 0);
        if row_count(fts, &mut rows) != ffi::SQLITE_OK
            || total_size(fts, -1, &mut tokens) != ffi::SQLITE_OK
        {
            return Err(broken);
        }
        let average_length = if rows > 0 {
            (tokens as f64 / rows as f64).max(f64::MIN_POSITIVE)
        } else {
            1.0
        };
        let made = Box::into_raw(Box::new(PerQuery {
            average_length,
            frequency: vec![0.0; phrases],
        }));
        // On failure FTS5 has already called the destructor.
        if set(fts, made.cast(), Some(drop_per_query)) != ffi::SQLITE_OK {
            return Err(broken);
        }
        Ok(&mut *made)
    }
}

/// BM25 of the current row, the phrases weighted by the blob in `values[0]` and the columns by
/// the numbers after it (1.0 for a column without one).
///
/// # Safety
/// `api`, `fts` and `values` as FTS5 passes them to an auxiliary function.
unsafe fn score(
    api: &Fts5ExtensionApi,
    fts: *mut Fts5Context,
    values: &[*mut sqlite3_value],
) -> Result<f64, &'static CStr> {
    let broken = c"newsdesk_rank: FTS5 refused a call";
    let call = |rc: c_int| {
        if rc == ffi::SQLITE_OK {
            Ok(())
        } else {
            Err(broken)
        }
    };
    let (Some(phrase_count), Some(inst_count), Some(inst), Some(column_size)) =
        (api.xPhraseCount, api.xInstCount, api.xInst, api.xColumnSize)
    else {
        return Err(broken);
    };
    let Some((&blob, column_weights)) = values.split_first() else {
        return Err(c"newsdesk_rank needs the phrases' weights");
    };
    // SAFETY (this block): the calls are FTS5's own API on the context it passed; the blob
    // pointer is valid for the byte count SQLite reports, until the value changes.
    unsafe {
        let phrases = phrase_count(fts).max(0) as usize;
        let bytes = ffi::sqlite3_value_bytes(blob).max(0) as usize;
        let data = ffi::sqlite3_value_blob(blob) as *const u8;
        if bytes != phrases * 8 || (bytes > 0 && data.is_null()) {
            return Err(c"newsdesk_rank: one weight per phrase of the query");
        }
        let idfs = std::slice::from_raw_parts(data, bytes);
        let query = per_query(api, fts, phrases)?;
        let frequency = &mut query.frequency;
        frequency.iter_mut().for_each(|f| *f = 0.0);
        let mut instances: c_int = 0;
        call(inst_count(fts, &mut instances))?;
        for i in 0..instances {
            let (mut phrase, mut column, mut offset) = (0, 0, 0);
            call(inst(fts, i, &mut phrase, &mut column, &mut offset))?;
            let weight = usize::try_from(column)
                .ok()
                .and_then(|c| column_weights.get(c))
                .map_or(1.0, |&value| ffi::sqlite3_value_double(value));
            if let Some(f) = usize::try_from(phrase)
                .ok()
                .and_then(|p| frequency.get_mut(p))
            {
                *f += weight;
            }
        }
        let mut tokens = 0;
        call(column_size(fts, -1, &mut tokens))?;
        let length = f64::from(tokens) / query.average_length;
        Ok(frequency
            .iter()
            .zip(idfs.chunks_exact(8))
            .map(|(&f, idf)| {
                let idf = f64::from_le_bytes(idf.try_into().unwrap_or([0; 8]));
                idf * (f * (K1 + 1.0)) / (f + K1 * (1.0 - B + B * length))
            })
            .sum())
    }
}
