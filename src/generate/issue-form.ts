/**
 * The "Suggest a project" issue form (.github/ISSUE_TEMPLATE/suggest-project.yml)
 * offers the category ids of categories.yaml in a dropdown. GitHub reads the
 * form as a static file, so the list is generated: the workflow on main runs
 * `cooltech issue-form` after a pull request changed the categories, and a
 * contributor never has to.
 */
import { isMap, isSeq, parseDocument } from "yaml";
import { UserError } from "../core/errors.js";

/** The last option: for a project that fits none of the categories. */
export const OTHER_CATEGORY = "Something else";
/** The `id` of the dropdown whose options are the category ids. */
export const CATEGORY_FIELD = "category";

export interface IssueFormUpdate {
  text: string;
  changed: boolean;
}

/**
 * `formText` with the category dropdown's options set to `ids` then
 * "Something else"; everything else (comments, other fields) kept.
 */
export function updateIssueForm(
  formText: string,
  file: string,
  ids: readonly string[],
): IssueFormUpdate {
  const doc = parseDocument(formText);
  if (doc.errors.length > 0) {
    throw new UserError(`${file} is not valid YAML (${doc.errors[0]?.message.split("\n")[0]})`);
  }
  const body = doc.get("body", true);
  const field = isSeq(body)
    ? body.items.find((item) => isMap(item) && item.get("id") === CATEGORY_FIELD)
    : undefined;
  if (!isMap(field) || field.get("type") !== "dropdown") {
    throw new UserError(
      `${file} has no dropdown with \`id: ${CATEGORY_FIELD}\` under \`body\`; add one (type: dropdown) for the category list`,
    );
  }
  const wanted = [...ids, OTHER_CATEGORY];
  const current = field.getIn(["attributes", "options"]);
  const same =
    isSeq(current) &&
    current.items.length === wanted.length &&
    current.items.every(
      (item, i) => String((item as { value?: unknown }).value ?? item) === wanted[i],
    );
  if (same) return { text: formText, changed: false };
  field.setIn(["attributes", "options"], doc.createNode(wanted));
  return { text: doc.toString({ lineWidth: 0, flowCollectionPadding: false }), changed: true };
}
