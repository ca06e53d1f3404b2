package io.pulsehub.profile.segment;

import java.util.List;

import io.pulsehub.profile.core.ProfileView;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * One page of a segment's profiles.
 *
 * @param segment the segment
 * @param page the page, from 0
 * @param size the page size asked for
 * @param hasMore whether a next page has profiles
 * @param profiles the profiles, most recently updated first
 */
@Schema(description = "One page of the profiles of a segment, most recently updated first")
record SegmentPage(@Schema(example = "vip") String segment, @Schema(example = "0") int page,
		@Schema(example = "20") int size, boolean hasMore, List<ProfileView> profiles) {

}
