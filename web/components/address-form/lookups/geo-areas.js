// The address form controller's geographical lists, DOM-free: where the country's geographical
// constraints tie levels of the address to the API's areas (GET /countries/{iso2}/geoareas/area1...),
// each level is a select whose choices depend on the levels above. Part of the first bundle: a
// country's form needs them at once. Each answer counts only for the latest path of the current
// country (the generation and the parents' values).
export const GeoAreasMixin = (Base) => class extends Base {
  /** Loads the choices of level `level` for the values chosen above, then goes on down. */
  async loadGeoLevel(level, generation) {
    const { state } = this;
    const field = this.fieldAt(level);
    if (!field || generation !== this.generation) return;
    const parents = [];
    for (let l = 1; l < level; l++) {
      const parent = this.fieldAt(l);
      const chosen = parent ? state.values.get(parent.name) : '';
      if (!chosen) {
        state.geo.set(level, { options: null, parents: '' });
        this.changed();
        return;
      }
      parents.push(chosen);
    }
    const key = JSON.stringify(parents);
    const existing = state.geo.get(level);
    if (!(existing?.options && existing.parents === key)) {
      state.geo.set(level, { options: null, parents: key });
      const done = this.startBusy('loadingAreas', { label: field.label });
      let options;
      try {
        options = await this.host.client().geoAreas(state.data.iso2, parents);
      } catch (error) {
        if (generation === this.generation && state.geo.get(level)?.parents === key) {
          this.fail('areasFailed', error, () => this.loadGeoLevel(level, this.generation), { label: field.label });
        }
        return;
      } finally {
        done();
      }
      // The user may have changed a parent meanwhile: only the latest path counts.
      if (generation !== this.generation || state.geo.get(level)?.parents !== key) return;
      state.geo.set(level, { options: Array.isArray(options) ? options : [], parents: key });
      this.geoListLoaded(level, parents, state.geo.get(level).options);
      this.validate();
      this.changed();
    }
    if (state.values.get(field.name)) await this.loadGeoLevel(level + 1, generation);
  }
};
